using System.Globalization;
using Medic.Core.Model;
using Medic.Probes.Redis;
using Medic.Probes.Tests.Redis;
using Medic.Probes.Tests.Servers;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Scenarios;

/// <summary>
/// The generic Redis runbooks on real servers. Faults that change a server's settings or data get a server of the
/// test's own; the shared ones serve the connection failures.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisScenarioTests(RedisFixture redis)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_server_filled_past_maxmemory_with_noeviction_is_named_as_refusing_writes()
    {
        await using var server = await RedisServer.StartAsync();
        await using var admin = await RedisTestContext.AdminAsync(server.Url);
        await admin.TextAsync("CONFIG", "SET", "maxmemory", "2mb");
        await admin.TextAsync("CONFIG", "SET", "maxmemory-policy", "noeviction");
        var value = new string('x', 20_000);
        var refused = false;
        for (var i = 0; i < 1000 && !refused; i++)
        {
            try
            {
                await admin.CallAsync(["SET", $"cache:{i}", value], Ct);
            }
            catch (RedisServerException e) when (e.Message.StartsWith("OOM", StringComparison.Ordinal))
            {
                refused = true;
            }
        }

        refused.ShouldBeTrue("the server never refused a write");

        var report = await Scenario.DiagnoseAsync(System(server.Url), Ct);

        report.Causes().ShouldContain("redis.maxmemory-reached/writes-refused");
        var finding = report.Findings.Single(f => f.Cause == "writes-refused");
        finding.Severity.ShouldBe(Severity.Critical);
        finding.Explanation.ShouldContain("of maxmemory 2 MB");
        finding.Explanation.ShouldContain("with maxmemory-policy noeviction");
        finding.Explanation.ShouldContain("OOM errors since the statistics were last reset: 1)");
        finding.Fix.ShouldContain("CONFIG SET maxmemory-policy allkeys-lru");
        report.Causes().ShouldNotContain("redis.maxmemory-reached/no-maxmemory");
    }

    [Fact]
    public async Task Wrong_and_missing_passwords_are_named_as_authentication_failures_without_showing_them()
    {
        const string Wrong = "not-the-pw-42";
        var port = redis.Protected.Port;
        var yaml = $$"""
            system: shop
            components:
              wrong: { kind: redis, url: 'redis://127.0.0.1:{{port}}', password: '{{Wrong}}' }
              missing: { kind: redis, url: 'redis://127.0.0.1:{{port}}' }
            """;

        var report = await Scenario.DiagnoseAsync(yaml, Ct);

        report.Findings.Select(f => $"{f.Component}: {f.Runbook}/{f.Cause}").ShouldBe(
            ["wrong: redis.unreachable/auth-failed", "missing: redis.unreachable/auth-failed"], ignoreOrder: true);
        report.Findings.Single(f => f.Component == "wrong").Title.ShouldContain("(WRONGPASS)");
        report.Findings.Single(f => f.Component == "missing").Title.ShouldContain("(NOAUTH)");
        report.Findings.ShouldAllBe(f => !(f.Title + f.Explanation + f.Fix).Contains(Wrong));
    }

    [Fact]
    public async Task A_closed_port_is_named_as_refused()
    {
        var port = RedisServer.FreePort();

        var report = await Scenario.DiagnoseAsync(System($"redis://127.0.0.1:{port}"), Ct);

        report.Causes().ShouldBe(["redis.unreachable/refused"]);
        report.Findings[0].Explanation.ShouldContain($"127.0.0.1:{port} was refused");
    }

    [Fact]
    public async Task A_replica_whose_master_is_gone_is_named_with_the_master_address()
    {
        var master = RedisServer.FreePort();
        await using var replica = await RedisServer.StartAsync(["--replicaof", "127.0.0.1", master.ToString(CultureInfo.InvariantCulture)]);

        var report = await Scenario.DiagnoseAsync(System(replica.Url), Ct);

        report.Causes().ShouldContain("redis.replication-broken/master-link-down");
        report.Findings.Single(f => f.Cause == "master-link-down").Title.ShouldContain($"master 127.0.0.1:{master}");
    }

    [Fact]
    public async Task A_command_that_blocked_the_server_is_named_from_the_slow_log()
    {
        await using var server = await RedisServer.StartAsync();
        await using var admin = await RedisTestContext.AdminAsync(server.Url);
        await admin.TextAsync("DEBUG", "SLEEP", "0.2");

        var report = await Scenario.DiagnoseAsync(System(server.Url), Ct);

        report.Causes().ShouldContain("redis.slow-commands/slow-commands");
        report.Findings.Single(f => f.Cause == "slow-commands").Explanation.ShouldContain("DEBUG SLEEP");
    }

    [Fact]
    public async Task A_snapshot_that_cannot_be_written_is_named()
    {
        var data = Directory.CreateTempSubdirectory("medic-rdb-").FullName;
        await using var server = await RedisServer.StartAsync(["--dir", data]);
        await using var admin = await RedisTestContext.AdminAsync(server.Url);
        // Redis works inside its dir; with the folder gone, BGSAVE cannot create its temporary RDB file.
        Directory.Delete(data);
        await admin.TextAsync("SET", "order:1", "paid");
        await admin.TextAsync("BGSAVE");

        var report = await DiagnoseUntilAsync(System(server.Url), "redis.persistence-failing/rdb-save-failing");

        report.Findings.Single(f => f.Cause == "rdb-save-failing").Explanation.ShouldContain("changes since then exist only in memory");
    }

    private static string System(string url) => $"system: shop\ncomponents:\n  cache: {{ kind: redis, url: '{url}' }}\n";

    private static async Task<Report> DiagnoseUntilAsync(string systemYaml, string cause)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var report = await Scenario.DiagnoseAsync(systemYaml, Ct);
            if (report.Causes().Contains(cause) || DateTime.UtcNow > deadline)
            {
                report.Causes().ShouldContain(cause);
                return report;
            }

            await Task.Delay(100, Ct);
        }
    }
}
