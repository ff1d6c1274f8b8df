using Medic.Core.Model;
using Medic.Probes.Redis;
using Medic.Probes.Tests.Servers;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Redis;

/// <summary>A server filled to maxmemory for real, on a server of the test's own.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisMemoryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_full_server_with_noeviction_shows_its_limit_policy_and_oom_errors()
    {
        await using var server = await RedisServer.StartAsync();
        await using var admin = await RedisTestContext.AdminAsync(server.Url);
        await admin.TextAsync("CONFIG", "SET", "maxmemory", "1mb");
        await admin.TextAsync("CONFIG", "SET", "maxmemory-policy", "noeviction");
        var value = new string('x', 20_000);
        RedisServerException? refused = null;
        for (var i = 0; i < 500 && refused is null; i++)
        {
            try
            {
                await admin.CallAsync(["SET", $"fill:{i}", value], Token);
            }
            catch (RedisServerException e)
            {
                refused = e;
            }
        }

        refused.ShouldNotBeNull("the server never refused a write");
        RedisErrors.Classify(refused, RedisTarget.Parse(server.Url))!.Kind.ShouldBe(ErrorKinds.OutOfMemory);

        var info = await new RedisInfoProbe().RunAsync(RedisTestContext.For(server.Url), Token);
        var config = await new RedisConfigProbe().RunAsync(RedisTestContext.For(server.Url), Token);

        info.Error.ShouldBeNull();
        var memory = info.Data!["memory"]!;
        memory["maxmemory"]!.GetValue<long>().ShouldBe(1024 * 1024);
        memory["policy"]!.GetValue<string>().ShouldBe("noeviction");
        // Redis frees the refused command's buffer, so usage settles just under the limit rather than over it.
        memory["used_ratio"]!.GetValue<double>().ShouldBeGreaterThan(0.85);
        memory["oom_errors"]!.GetValue<long>().ShouldBe(1);
        memory["evicted_keys"]!.GetValue<long>().ShouldBe(0);
        config.Data!["values"]!["maxmemory"]!.GetValue<long>().ShouldBe(1024 * 1024);
        config.Data!["values"]!["maxmemory-policy"]!.GetValue<string>().ShouldBe("noeviction");
    }

    [Fact]
    public async Task A_limit_lowered_below_usage_shows_a_used_ratio_above_one()
    {
        await using var server = await RedisServer.StartAsync();
        await using var admin = await RedisTestContext.AdminAsync(server.Url);
        var value = new string('y', 50_000);
        for (var i = 0; i < 40; i++)
        {
            await admin.CallAsync(["SET", $"fill:{i}", value], Token);
        }

        await admin.TextAsync("CONFIG", "SET", "maxmemory-policy", "noeviction");
        await admin.TextAsync("CONFIG", "SET", "maxmemory", "1mb");

        var info = await new RedisInfoProbe().RunAsync(RedisTestContext.For(server.Url), Token);

        var memory = info.Data!["memory"]!;
        memory["used_ratio"]!.GetValue<double>().ShouldBeGreaterThanOrEqualTo(1);
        memory["headroom_bytes"]!.GetValue<long>().ShouldBeLessThan(0);
        info.Data!["keyspace"]!["keys"]!.GetValue<long>().ShouldBe(40);
    }
}
