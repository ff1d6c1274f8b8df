using Medic.Probes.Tests.Servers;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Redis;

/// <summary>The probes leave the server as they found it: same keys and values, and only read commands ran.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisReadOnlyTests(RedisFixture redis)
{
    private static readonly HashSet<string> ReadCommands =
    [
        "ping", "info", "auth", "select", "config|get", "slowlog|get", "slowlog|len", "client|list", "client|id",
        "client|setname", "latency|latest",
    ];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Running_every_probe_changes_no_data_and_sends_only_read_commands()
    {
        await using var admin = await RedisTestContext.AdminAsync(redis.Plain.Url);
        await admin.TextAsync("SET", "ro:string", "v1");
        await admin.TextAsync("HSET", "ro:hash", "f", "1");
        await admin.TextAsync("RPUSH", "ro:list", "a", "b");
        await admin.TextAsync("SET", "ro:ttl", "x", "EX", "3600");
        var dbsize = await admin.TextAsync("DBSIZE");
        var digest = await admin.TextAsync("DEBUG", "DIGEST");
        await admin.TextAsync("CONFIG", "RESETSTAT");
        try
        {
            foreach (var probe in BuiltInProbes.All().Where(p => p.Kinds.Contains("redis")))
            {
                var result = await probe.RunAsync(RedisTestContext.For(redis.Plain.Url), Token);
                result.Error.ShouldBeNull(probe.Name);
            }

            var stats = await admin.TextAsync("INFO", "commandstats");
            var used = stats.Split('\n')
                .Where(l => l.StartsWith("cmdstat_", StringComparison.Ordinal))
                .Select(l => l["cmdstat_".Length..l.IndexOf(':', StringComparison.Ordinal)])
                .ToHashSet();

            used.ShouldContain("ping");
            used.ShouldContain("client|list");
            used.ShouldContain("client|setname");
            // CONFIG RESETSTAT counts itself once the counters are cleared; it and the INFO above are the test's own.
            used.Except(ReadCommands).ShouldBe(["config|resetstat"]);
            (await admin.TextAsync("DBSIZE")).ShouldBe(dbsize);
            (await admin.TextAsync("DEBUG", "DIGEST")).ShouldBe(digest);
        }
        finally
        {
            await admin.TextAsync("DEL", "ro:string", "ro:hash", "ro:list", "ro:ttl");
        }
    }
}
