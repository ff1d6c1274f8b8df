using System.Diagnostics;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Tests.Servers;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Redis;

/// <summary>What every Redis probe promises: it ends within its timeout, reports an absent server as data, and honours cancellation.</summary>
public sealed class RedisConformanceTests
{
    public static TheoryData<string> ProbeNames { get; } =
        new(BuiltInProbes.All().Where(p => p.Kinds.Contains("redis")).Select(p => p.Name));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static IProbe Probe(string name) => BuiltInProbes.Registry().Find(name)!;

    [Fact]
    public void Every_redis_probe_is_registered()
    {
        ProbeNames.Select(d => d.Data).ShouldBe(
            ["redis.ping", "redis.info", "redis.config", "redis.slowlog", "redis.clients", "redis.latency"], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(ProbeNames))]
    public async Task Reports_a_closed_port_as_connection_refused(string name)
    {
        var port = RedisServer.FreePort();

        var result = await Probe(name).RunAsync(RedisTestContext.For($"redis://127.0.0.1:{port}"), Token);

        result.Error!.Kind.ShouldBe(ErrorKinds.ConnectionRefused);
        result.Error.Message.ShouldContain($"127.0.0.1:{port}");
        result.Data!["stage"]!.GetValue<string>().ShouldBe("connect");
    }

    [Theory]
    [MemberData(nameof(ProbeNames))]
    public async Task Ends_within_its_timeout_when_the_server_never_answers(string name)
    {
        await using var silent = new FakeRedisServer(_ => FakeReply.Hang);
        var clock = Stopwatch.StartNew();

        var result = await Probe(name).RunAsync(RedisTestContext.For(silent.Url, timeout: TimeSpan.FromMilliseconds(500)), Token);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        result.Error!.Kind.ShouldBe(ErrorKinds.Timeout);
        result.Error.Message.ShouldContain("did not answer CLIENT SETNAME");
    }

    [Theory]
    [MemberData(nameof(ProbeNames))]
    public async Task Stops_promptly_when_cancelled(string name)
    {
        await using var silent = new FakeRedisServer(_ => FakeReply.Hang);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Token);
        cts.CancelAfter(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        await Should.ThrowAsync<OperationCanceledException>(
            () => Probe(name).RunAsync(RedisTestContext.For(silent.Url, timeout: TimeSpan.FromMinutes(1)), cts.Token));

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Theory]
    [MemberData(nameof(ProbeNames))]
    public async Task Reports_an_unusable_url_as_an_invalid_argument(string name)
    {
        var result = await Probe(name).RunAsync(RedisTestContext.For("http://127.0.0.1:1"), Token);

        result.Error!.Kind.ShouldBe(ErrorKinds.InvalidArgument);
    }
}
