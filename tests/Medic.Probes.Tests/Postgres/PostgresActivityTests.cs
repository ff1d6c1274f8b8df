using System.Text.Json.Nodes;
using Medic.Probes.Postgres;
using Medic.Probes.Tests.Servers;
using Npgsql;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresActivityTests(PostgresServer server)
{
    private readonly PostgresActivityProbe _probe = new();

    [Fact]
    public async Task Lists_a_waiting_session_with_the_pid_of_the_session_holding_its_lock()
    {
        await server.ExecuteAsync("DROP TABLE IF EXISTS workflows; CREATE TABLE workflows (id int PRIMARY KEY, status text)");
        await using var holder = await server.OpenAsync();
        await using var waiter = await server.OpenAsync();
        await using var tx = await holder.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await Exec(holder, "LOCK TABLE workflows IN ACCESS EXCLUSIVE MODE");
        var waiting = Exec(waiter, "SELECT count(*) FROM workflows");

        var data = await PgTest.EventuallyAsync(
            () => PgTest.OkAsync(_probe, server.App()),
            d => PgTest.Objects(d["blocked"]).Any(b => PgTest.Long(b["pid"]) == waiter.ProcessID),
            "the waiting session showing as blocked");

        var blocked = PgTest.Objects(data["blocked"]).Single(b => PgTest.Long(b["pid"]) == waiter.ProcessID);
        blocked["blocked_by"]!.AsArray().Select(PgTest.Long).ShouldBe([holder.ProcessID]);
        blocked["lock_type"]!.GetValue<string>().ShouldBe("relation");
        blocked["lock_mode"]!.GetValue<string>().ShouldBe("AccessShareLock");
        blocked["relation"]!.GetValue<string>().ShouldBe("workflows");
        blocked["query"]!.GetValue<string>().ShouldContain("FROM workflows");
        PgTest.Long(blocked["waiting_ms"]).ShouldBeGreaterThanOrEqualTo(0);
        var blocker = PgTest.Objects(data["blockers"]).Single(b => PgTest.Long(b["pid"]) == holder.ProcessID);
        blocker["state"]!.GetValue<string>().ShouldBe("idle in transaction");
        blocker["blocking"]!.AsArray().Select(PgTest.Long).ShouldContain(waiter.ProcessID);
        PgTest.Long(data["waiting_on_locks"]).ShouldBeGreaterThanOrEqualTo(1);

        await tx.RollbackAsync(TestContext.Current.CancellationToken);
        await waiting;
    }

    [Fact]
    public async Task Lists_a_session_left_idle_in_a_transaction()
    {
        await using var leak = await server.OpenAsync();
        await using var tx = await leak.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await Exec(leak, "SELECT 1");

        var data = await PgTest.EventuallyAsync(
            () => PgTest.OkAsync(_probe, server.App()),
            d => PgTest.Objects(d["idle_in_transaction"]).Any(s => PgTest.Long(s["pid"]) == leak.ProcessID),
            "the leaked session showing as idle in transaction");

        var session = PgTest.Objects(data["idle_in_transaction"]).Single(s => PgTest.Long(s["pid"]) == leak.ProcessID);
        session["application_name"]!.GetValue<string>().ShouldBe("medic-tests");
        session["query"]!.GetValue<string>().ShouldBe("SELECT 1");
        PgTest.Long(session["xact_ms"]).ShouldBeGreaterThanOrEqualTo(PgTest.Long(session["idle_ms"]));
        var connections = data["connections"]!;
        PgTest.Long(connections["by_state"]!["idle_in_transaction"]).ShouldBeGreaterThanOrEqualTo(1);
        PgTest.Long(data["idle_in_transaction_count"]).ShouldBeGreaterThanOrEqualTo(1);
        PgTest.Long(data["oldest_xact_ms"]).ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task Counts_connections_against_max_connections_without_its_own_session()
    {
        await using var a = await server.OpenAsync();
        await using var b = await server.OpenAsync();

        var data = await PgTest.OkAsync(_probe, server.App());

        var connections = data["connections"]!;
        PgTest.Long(connections["max"]).ShouldBe(PostgresServer.MaxConnections);
        PgTest.Long(connections["reserved"]).ShouldBe(3);
        var total = PgTest.Long(connections["total"]);
        total.ShouldBeGreaterThanOrEqualTo(2);
        PgTest.Long(connections["by_application"]!["medic-tests"]).ShouldBeGreaterThanOrEqualTo(2);
        connections["by_application"]!.AsObject().ContainsKey(PostgresSession.ApplicationName).ShouldBeFalse();
        connections["by_user"]!.AsObject().Sum(u => PgTest.Long(u.Value)).ShouldBe(total);
        connections["by_state"]!.AsObject().Sum(u => PgTest.Long(u.Value)).ShouldBe(total);
        PgTest.Long(connections["available"]).ShouldBe(PostgresServer.MaxConnections - 3 - total);
        connections["used_ratio"]!.GetValue<double>().ShouldBe(Math.Round((double)total / PostgresServer.MaxConnections, 3));
    }

    [Fact]
    public async Task Lists_a_query_running_longer_than_the_threshold()
    {
        await using var slow = await server.OpenAsync();
        var sleeping = Exec(slow, "SELECT pg_sleep(3)");

        var data = await PgTest.EventuallyAsync(
            () => PgTest.OkAsync(_probe, server.App(), new JsonObject { ["long_query"] = "200ms" }),
            d => PgTest.Objects(d["long_running"]).Any(s => PgTest.Long(s["pid"]) == slow.ProcessID),
            "the sleeping query showing as long-running");

        var entry = PgTest.Objects(data["long_running"]).Single(s => PgTest.Long(s["pid"]) == slow.ProcessID);
        entry["query"]!.GetValue<string>().ShouldBe("SELECT pg_sleep(3)");
        PgTest.Long(entry["duration_ms"]).ShouldBeGreaterThanOrEqualTo(200);
        PgTest.Long(data["long_query_ms"]).ShouldBe(200);

        var relaxed = await PgTest.OkAsync(_probe, server.App(), new JsonObject { ["long_query"] = "1h" });
        PgTest.Objects(relaxed["long_running"]).ShouldNotContain(s => PgTest.Long(s["pid"]) == slow.ProcessID);

        await using var cancel = await server.OpenAsync();
        await Exec(cancel, $"SELECT pg_cancel_backend({slow.ProcessID})");
        await Should.ThrowAsync<PostgresException>(sleeping);
    }

    [Fact]
    public async Task Refuses_a_threshold_that_is_not_a_duration()
    {
        var result = await PgTest.RunAsync(_probe, server.App(), new JsonObject { ["long_query"] = "soon" });

        PgTest.Failed(result, Medic.Core.Model.ErrorKinds.InvalidArgument).Message.ShouldContain("long_query");
    }

    private static async Task Exec(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
