using System.Text.Json.Nodes;
using Medic.Probes.Postgres;
using Medic.Probes.Tests.Servers;
using Npgsql;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresReadOnlyTests(PostgresServer server)
{
    [Fact]
    public async Task Every_probe_leaves_the_server_unchanged_and_closes_its_connection()
    {
        var quiet = server.ConnectionString("quiet");
        await PgTest.EventuallyAsync(() => SnapshotAsync(), s => s["settled_inserts"]!.GetValue<long>() == 100, "the setup inserts reaching the statistics");
        var before = await SnapshotAsync();

        foreach (var probe in PostgresProbes.All())
        {
            var args = probe.Name == "postgres.query" ? new JsonObject { ["sql"] = "SELECT * FROM settled WHERE id < 10" } : null;
            await PgTest.OkAsync(probe, quiet, args);
        }

        await PgTest.EventuallyAsync(() => SnapshotAsync(), s => s["medic_sessions"]!.GetValue<long>() == 0, "Medic's sessions ending");
        var after = await SnapshotAsync();
        foreach (var (key, value) in before)
        {
            after[key]!.ToJsonString().ShouldBe(value!.ToJsonString(), $"{key} changed");
        }
    }

    [Fact]
    public async Task The_probe_session_refuses_writes_and_names_itself_medic()
    {
        var context = PgTest.Context(server.ConnectionString("quiet"), timeout: TimeSpan.FromSeconds(5));
        await using var session = await PostgresSession.OpenAsync(context, PostgresSession.Settings(context), TestContext.Current.CancellationToken);

        (await ScalarAsync(session, "SHOW transaction_read_only")).ShouldBe("on");
        (await ScalarAsync(session, "SHOW application_name")).ShouldBe(PostgresSession.ApplicationName);
        (await ScalarAsync(session, "SHOW statement_timeout")).ShouldBe("4s");
        foreach (var write in (string[])["CREATE TABLE intruder (id int)", "INSERT INTO settled VALUES (1000, 'no')", "UPDATE settled SET note = 'x'"])
        {
            var e = await Should.ThrowAsync<PostgresException>(() => ScalarAsync(session, write));
            e.SqlState.ShouldBe("25006");
        }

        // Explicit transactions are read-only too.
        await using var tx = await session.Connection.BeginTransactionAsync(TestContext.Current.CancellationToken);
        (await ScalarAsync(session, "SHOW transaction_read_only")).ShouldBe("on");
    }

    private async Task<JsonObject> SnapshotAsync()
    {
        await using var connection = await server.OpenAsync("quiet");
        var snapshot = new JsonObject();
        foreach (var (name, sql) in (IEnumerable<(string, string)>)[
            ("settled_inserts", "SELECT coalesce(sum(n_tup_ins), 0)::bigint FROM pg_stat_user_tables WHERE relname = 'settled'"),
            ("table_writes", "SELECT string_agg(relname || ':' || n_tup_ins || '/' || n_tup_upd || '/' || n_tup_del, ',' ORDER BY relname) FROM pg_stat_user_tables"),
            ("relations", "SELECT count(*) FROM pg_class"),
            ("large_objects", "SELECT count(*) FROM pg_largeobject_metadata"),
            ("databases", "SELECT string_agg(row_to_json(d)::text, E'\\n' ORDER BY d.oid) FROM pg_database d"),
            ("roles", "SELECT string_agg(row_to_json(r)::text, E'\\n' ORDER BY r.oid) FROM pg_roles r"),
            // No transaction anywhere on the server took a transaction id, i.e. nothing wrote.
            ("next_xid", "SELECT pg_snapshot_xmax(pg_current_snapshot())::text"),
            ("medic_sessions", $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{PostgresSession.ApplicationName}'"),
        ])
        {
            await using var command = new NpgsqlCommand(sql, connection);
            snapshot[name] = JsonValue.Create(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken) switch
            {
                long n => (object)n,
                var other => other?.ToString(),
            });
        }

        return snapshot;
    }

    private static async Task<string?> ScalarAsync(PostgresSession session, string sql)
    {
        await using var command = session.Command(sql);
        return (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))?.ToString();
    }
}
