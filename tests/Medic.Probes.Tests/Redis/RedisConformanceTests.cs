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
    public async Task Reports_an_unusable_url_as_an_invalid_argument(string name)
    {
        var result = await Probe(name).RunAsync(RedisTestContext.For("http://127.0.0.1:1"), Token);

        result.Error!.Kind.ShouldBe(ErrorKinds.InvalidArgument);
    }
}
