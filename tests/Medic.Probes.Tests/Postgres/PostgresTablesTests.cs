using System.Text.Json.Nodes;
using Medic.Probes.Postgres;
using Medic.Probes.Tests.Servers;
using Npgsql;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresTablesTests(PostgresServer server)
{
    [Fact]
    public async Task Shows_more_sequential_than_index_scans_on_a_table_queried_by_an_unindexed_column()
    {
        await server.ExecuteAsync("""
            DROP TABLE IF EXISTS executions;
            CREATE TABLE executions (id int PRIMARY KEY, workflow_id int, status text);
            INSERT INTO executions SELECT g, g % 50, 'done' FROM generate_series(1, 2000) g;
            """);
        await using (var app = await server.OpenAsync())
        {
            for (var i = 0; i < 20; i++)
            {
                await using var command = new NpgsqlCommand($"SELECT count(*) FROM executions WHERE workflow_id = {i}", app);
                await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
            }
        }

        var args = new JsonObject { ["tables"] = new JsonArray("executions") };
        var data = await PgTest.EventuallyAsync(
            () => PgTest.OkAsync(new PostgresTablesProbe(), server.App(), args),
            d => PgTest.Objects(d["tables"]).Any(t => PgTest.Long(t["seq_scan"]) >= 20 && PgTest.Long(t["n_live_tup"]) == 2000),
            "the scans and inserts reaching pg_stat_user_tables");

        var table = PgTest.Objects(data["tables"]).ShouldHaveSingleItem();
        table["schema"]!.GetValue<string>().ShouldBe("public");
        table["name"]!.GetValue<string>().ShouldBe("executions");
        PgTest.Long(table["seq_scan"]).ShouldBeGreaterThan(PgTest.Long(table["idx_scan"]));
        PgTest.Long(table["seq_tup_read"]).ShouldBeGreaterThanOrEqualTo(20 * 2000);
        table["seq_scan_ratio"]!.GetValue<double>().ShouldBeGreaterThan(0.5);
        PgTest.Long(table["index_count"]).ShouldBe(1);
        PgTest.Long(table["size_bytes"]).ShouldBeGreaterThan(0);
        table["locked"]!.GetValue<bool>().ShouldBeFalse();
        data["database"]!.GetValue<string>().ShouldBe("app");
    }

    [Fact]
    public async Task Shows_dead_tuples_after_deletes_without_vacuum()
    {
        await server.ExecuteAsync("""
            DROP TABLE IF EXISTS events;
            CREATE TABLE events (id int PRIMARY KEY, payload text);
            INSERT INTO events SELECT g, 'x' FROM generate_series(1, 1000) g;
            DELETE FROM events WHERE id <= 600;
            """);

        var args = new JsonObject { ["tables"] = new JsonArray("public.events") };
        var data = await PgTest.EventuallyAsync(
            () => PgTest.OkAsync(new PostgresTablesProbe(), server.App(), args),
            d => PgTest.Objects(d["tables"]).Any(t => PgTest.Long(t["n_dead_tup"]) == 600),
            "the dead tuples reaching pg_stat_user_tables");

        var table = PgTest.Objects(data["tables"]).ShouldHaveSingleItem();
        PgTest.Long(table["n_live_tup"]).ShouldBe(400);
        table["dead_ratio"]!.GetValue<double>().ShouldBe(0.6);
        table["last_autovacuum"].ShouldBeNull();
        table["vacuum_age_ms"].ShouldBeNull();
    }

    [Fact]
    public async Task Does_not_wait_for_a_table_another_session_holds_exclusively()
    {
        await server.ExecuteAsync("DROP TABLE IF EXISTS migrating; CREATE TABLE migrating (id int PRIMARY KEY)");
        await using var migration = await server.OpenAsync();
        await using var tx = await migration.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using (var command = new NpgsqlCommand("LOCK TABLE migrating IN ACCESS EXCLUSIVE MODE", migration))
        {
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var tables = await PgTest.OkAsync(new PostgresTablesProbe(), server.App(), new JsonObject { ["order_by"] = "size" });
        var indexes = await PgTest.OkAsync(new PostgresIndexesProbe(), server.App(), new JsonObject { ["tables"] = new JsonArray("migrating") });
        var size = await PgTest.OkAsync(new PostgresSizeProbe(), server.App());

        var table = PgTest.Objects(tables["tables"]).Single(t => t["name"]!.GetValue<string>() == "migrating");
        table["locked"]!.GetValue<bool>().ShouldBeTrue();
        table["size_bytes"].ShouldBeNull();
        tables["locked"]!.AsArray().Select(x => x!.GetValue<string>()).ShouldBe(["public.migrating"]);
        PgTest.Objects(indexes["indexes"]).ShouldHaveSingleItem()["size_bytes"].ShouldBeNull();
        PgTest.Objects(size["largest_tables"]).ShouldNotContain(t => t["name"]!.GetValue<string>() == "migrating");
    }

    [Fact]
    public async Task Marks_an_index_never_scanned_as_unused_but_not_a_primary_key()
    {
        await server.ExecuteAsync("""
            DROP TABLE IF EXISTS datapoints;
            CREATE TABLE datapoints (id int PRIMARY KEY, event_id int, ts timestamptz, value float8);
            CREATE INDEX ix_datapoints_value ON datapoints (value);
            CREATE INDEX ix_datapoints_event_ts ON datapoints (event_id, ts);
            INSERT INTO datapoints SELECT g, g % 10, now(), g FROM generate_series(1, 500) g;
            ANALYZE datapoints;
            SET enable_seqscan = off;
            SELECT count(*) FROM datapoints WHERE event_id = 3;
            """);

        var args = new JsonObject { ["tables"] = new JsonArray("datapoints") };
        var data = await PgTest.EventuallyAsync(
            () => PgTest.OkAsync(new PostgresIndexesProbe(), server.App(), args),
            d => PgTest.Objects(d["indexes"]).Any(i => i["name"]!.GetValue<string>() == "ix_datapoints_event_ts" && PgTest.Long(i["idx_scan"]) > 0),
            "the index scan reaching pg_stat_user_indexes");

        var indexes = PgTest.Objects(data["indexes"]).ToDictionary(i => i["name"]!.GetValue<string>());
        indexes.Keys.ShouldBe(["datapoints_pkey", "ix_datapoints_event_ts", "ix_datapoints_value"], ignoreOrder: true);
        indexes["ix_datapoints_value"]["unused"]!.GetValue<bool>().ShouldBeTrue();
        indexes["ix_datapoints_event_ts"]["unused"]!.GetValue<bool>().ShouldBeFalse();
        indexes["datapoints_pkey"]["unused"]!.GetValue<bool>().ShouldBeFalse();
        indexes["datapoints_pkey"]["primary"]!.GetValue<bool>().ShouldBeTrue();
        indexes["ix_datapoints_event_ts"]["definition"]!.GetValue<string>().ShouldContain("(event_id, ts)");
        PgTest.Long(indexes["ix_datapoints_value"]["size_bytes"]).ShouldBeGreaterThan(0);
        PgTest.Long(data["unused_count"]).ShouldBe(1);
        PgTest.Long(data["invalid_count"]).ShouldBe(0);

        var unusedOnly = await PgTest.OkAsync(new PostgresIndexesProbe(), server.App(), new JsonObject { ["tables"] = new JsonArray("datapoints"), ["unused_only"] = true });
        PgTest.Objects(unusedOnly["indexes"]).ShouldHaveSingleItem()["name"]!.GetValue<string>().ShouldBe("ix_datapoints_value");
    }

    [Fact]
    public async Task Reports_database_sizes_and_the_largest_tables()
    {
        await server.ExecuteAsync("DROP TABLE IF EXISTS big_blobs; CREATE TABLE big_blobs AS SELECT g AS id, repeat('x', 500) AS body FROM generate_series(1, 2000) g");

        var data = await PgTest.OkAsync(new PostgresSizeProbe(), server.App(), new JsonObject { ["limit"] = 3 });

        data["database"]!.GetValue<string>().ShouldBe("app");
        PgTest.Long(data["size_bytes"]).ShouldBeGreaterThan(1_000_000);
        var names = PgTest.Objects(data["databases"]).Select(d => d["name"]!.GetValue<string>()).ToList();
        names.ShouldContain("app");
        names.ShouldContain("quiet");
        names.ShouldContain("template0");
        PgTest.Long(data["total_bytes"]).ShouldBeGreaterThan(PgTest.Long(data["size_bytes"]));
        var largest = PgTest.Objects(data["largest_tables"]).ToList();
        largest.Count.ShouldBeLessThanOrEqualTo(3);
        largest[0]["name"]!.GetValue<string>().ShouldBe("big_blobs");
        PgTest.Long(largest[0]["size_bytes"]).ShouldBeGreaterThan(500 * 2000);
    }
}
