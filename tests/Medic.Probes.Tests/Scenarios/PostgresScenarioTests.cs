using Medic.Core.Model;
using Medic.Probes.Tests.Servers;
using Npgsql;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Scenarios;

/// <summary>The generic PostgreSQL runbooks on the real server, with sessions of the test's own making the fault.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresScenarioTests(PostgresServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_row_lock_kept_by_an_idle_transaction_names_the_blocking_pid()
    {
        await server.ExecuteAsync("""
            DROP TABLE IF EXISTS scenario_jobs;
            CREATE TABLE scenario_jobs (id int PRIMARY KEY, status text);
            INSERT INTO scenario_jobs VALUES (1, 'queued'), (2, 'queued');
            """);
        await using var holder = await OpenAsync("job-worker");
        await using var waiter = await OpenAsync("job-api");
        await using var transaction = await holder.BeginTransactionAsync(Ct);
        await ExecAsync(holder, "UPDATE scenario_jobs SET status = 'running' WHERE id = 1");
        var waiting = ExecAsync(waiter, "UPDATE scenario_jobs SET status = 'cancelled' WHERE id = 1");

        var report = await DiagnoseUntilAsync(System(server.ConnectionString()), "postgres.lock-contention/blocked-by-idle-transaction");

        var finding = report.Findings.Single(f => f.Cause == "blocked-by-idle-transaction");
        finding.Explanation.ShouldContain($"PID {holder.ProcessID} (application 'job-worker'");
        finding.Explanation.ShouldContain($"blocks PID(s) {waiter.ProcessID}");
        finding.Explanation.ShouldContain("UPDATE scenario_jobs SET status = 'running' WHERE id = 1");
        finding.Fix.ShouldContain($"pg_terminate_backend({holder.ProcessID})");
        waiting.IsCompleted.ShouldBeFalse("the waiting update should still be blocked: Medic only looks");

        await transaction.RollbackAsync(Ct);
        await waiting;
    }

    [Fact]
    public async Task A_transaction_left_idle_is_named_with_its_pid_and_how_long_it_has_been_idle()
    {
        await using var leak = await OpenAsync("leaky-worker");
        await using var transaction = await leak.BeginTransactionAsync(Ct);
        await ExecAsync(leak, "SELECT count(*) FROM pg_class");
        // The runbook names sessions idle in a transaction for 10 s or more; wait that long for real.
        await Task.Delay(TimeSpan.FromSeconds(10), Ct);

        var report = await DiagnoseUntilAsync(System(server.ConnectionString()), "postgres.idle-in-transaction/idle-in-transaction");

        var finding = report.Findings.Single(f => f.Cause == "idle-in-transaction");
        finding.Title.ShouldContain($"the longest PID {leak.ProcessID} (leaky-worker)");
        finding.Explanation.ShouldContain($"PID {leak.ProcessID} (application 'leaky-worker', user postgres, from 127.0.0.1)");
        finding.Explanation.ShouldContain("its last statement was: SELECT count(*) FROM pg_class");
        finding.Fix.ShouldContain($"pg_terminate_backend({leak.ProcessID})");
        report.Causes().ShouldContain("postgres.idle-in-transaction/no-idle-timeout");
        await transaction.RollbackAsync(Ct);
    }

    [Fact]
    public async Task Connections_filled_to_max_connections_are_named_and_then_the_application_holding_them()
    {
        var hogs = new List<NpgsqlConnection>();
        try
        {
            // Superuser sessions may take the reserved slots too, so this fills every one of max_connections.
            while (await TryOpenAsync("pool-hog") is { } connection)
            {
                hogs.Add(connection);
                hogs.Count.ShouldBeLessThanOrEqualTo(PostgresServer.MaxConnections, "the server should refuse at max_connections");
            }

            var full = await Scenario.DiagnoseAsync(System(server.ConnectionString()), Ct);

            full.Causes().ShouldContain("postgres.connections-exhausted/too-many-clients");
            full.Findings.Single(f => f.Cause == "too-many-clients").Explanation.ShouldContain("too many clients");
            full.Causes().ShouldNotContain(c => c.StartsWith("postgres.unreachable/", StringComparison.Ordinal));

            // One slot free: Medic gets in and sees who holds the others.
            await hogs[^1].DisposeAsync();
            hogs.RemoveAt(hogs.Count - 1);
            var nearly = await DiagnoseUntilAsync(System(server.ConnectionString()), "postgres.connections-exhausted/near-limit");

            var finding = nearly.Findings.Single(f => f.Cause == "near-limit");
            finding.Title.ShouldContain($"of {PostgresServer.MaxConnections} PostgreSQL connections are in use, most by 'pool-hog'");
            finding.Explanation.ShouldContain($"'pool-hog' ({hogs.Count} sessions)");
            nearly.Causes().ShouldContain("postgres.connections-exhausted/idle-sessions-hold-slots");
        }
        finally
        {
            foreach (var hog in hogs)
            {
                await hog.DisposeAsync();
            }

            await WaitUntilGoneAsync("pool-hog");
        }
    }

    [Fact]
    public async Task A_closed_port_is_named_as_refused()
    {
        var port = PostgresServer.FreePort();

        var report = await Scenario.DiagnoseAsync(System($"Host=127.0.0.1;Port={port};Username=app;Database=app;Timeout=3"), Ct);

        report.Causes().ShouldBe(["postgres.unreachable/refused"]);
        report.Findings[0].Explanation.ShouldContain($"127.0.0.1:{port} was refused");
    }

    [Fact]
    public async Task A_wrong_password_is_named_as_an_authentication_failure_without_showing_it()
    {
        const string Wrong = "not-the-password-42";
        var connection = server.ConnectionString("app", PostgresServer.PasswordUser, Wrong);

        var report = await Scenario.DiagnoseAsync(System(connection), Ct);

        report.Causes().ShouldBe(["postgres.unreachable/auth-failed"]);
        var finding = report.Findings[0];
        finding.Explanation.ShouldContain($"password authentication failed for user \"{PostgresServer.PasswordUser}\"");
        finding.Explanation.ShouldContain("SQLSTATE 28P01");
        (finding.Title + finding.Explanation + finding.Fix).ShouldNotContain(Wrong);
    }

    [Fact]
    public async Task A_role_whose_transactions_default_to_read_only_is_named()
    {
        await server.ExecuteAsync("""
            DO $$ BEGIN CREATE ROLE scenario_reader LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
            ALTER ROLE scenario_reader SET default_transaction_read_only = on;
            """);

        var report = await Scenario.DiagnoseAsync(System(server.ConnectionString("quiet", "scenario_reader")), Ct);

        report.Causes().ShouldContain("postgres.read-only/default-read-only");
        report.Findings.Single(f => f.Cause == "default-read-only").Fix.ShouldContain("ALTER ROLE \"scenario_reader\" RESET default_transaction_read_only");
    }

    [Fact]
    public async Task A_quiet_database_yields_only_the_fixture_servers_disabled_autovacuum()
    {
        var report = await Scenario.DiagnoseAsync(System(server.ConnectionString("quiet")), Ct);

        // The test server runs with autovacuum=off on purpose (stable statistics); everything else is healthy.
        report.Causes().ShouldBe(["postgres.vacuum-needed/autovacuum-disabled"]);
        report.Observations.ShouldAllBe(o => o.Status == ObservationStatus.Ok);
    }

    private static string System(string connection) =>
        $"system: shop\ncomponents:\n  db: {{ kind: postgres, connection: '{connection}' }}\n";

    private async Task<NpgsqlConnection> OpenAsync(string application)
    {
        var connection = new NpgsqlConnection(server.ConnectionString() + ";Application Name=" + application);
        await connection.OpenAsync(Ct);
        return connection;
    }

    private async Task<NpgsqlConnection?> TryOpenAsync(string application)
    {
        try
        {
            return await OpenAsync(application);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.TooManyConnections)
        {
            return null;
        }
    }

    /// <summary>Closed sessions give their slot back when their backend exits, a moment after the client closes.</summary>
    private async Task WaitUntilGoneAsync(string application)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            await using var check = await TryOpenAsync("slot-check");
            if (check is not null)
            {
                await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = @app", check);
                count.Parameters.AddWithValue("app", application);
                if ((long)(await count.ExecuteScalarAsync(Ct))! == 0)
                {
                    return;
                }
            }

            await Task.Delay(50, Ct);
        }
    }

    /// <summary>Diagnoses until the cause holds (statistics and lock waits reach the views a moment late), or fails.</summary>
    private static async Task<Report> DiagnoseUntilAsync(string systemYaml, string cause)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var report = await Scenario.DiagnoseAsync(systemYaml, Ct);
            if (report.Causes().Contains(cause) || DateTime.UtcNow > deadline)
            {
                report.Causes().ShouldContain(cause);
                return report;
            }

            await Task.Delay(200, Ct);
        }
    }

    private static async Task ExecAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }
}
