using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Probes.Postgres;
using Medic.Probes.Tests.Servers;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresQueryTests(PostgresServer server)
{
    private const string Head = "ae1027a6acf";
    private readonly PostgresQueryProbe _probe = new();

    [Fact]
    public async Task Reads_the_alembic_head_revision()
    {
        await CreateAlembicVersionAsync();

        var data = await PgTest.OkAsync(_probe, server.App(), Sql("SELECT version_num FROM alembic_version;"));

        var column = PgTest.Objects(data["columns"]).ShouldHaveSingleItem();
        column["name"]!.GetValue<string>().ShouldBe("version_num");
        column["type"]!.GetValue<string>().ShouldStartWith("character varying");
        PgTest.Objects(data["rows"]).ShouldHaveSingleItem()["version_num"]!.GetValue<string>().ShouldBe(Head);
        PgTest.Long(data["row_count"]).ShouldBe(1);
        data["truncated"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Reports_a_missing_table_as_not_found()
    {
        var result = await PgTest.RunAsync(_probe, server.ConnectionString("bare"), Sql("SELECT version_num FROM alembic_version"));

        PgTest.Failed(result, ErrorKinds.NotFound).Message.ShouldContain("alembic_version");
        result.Data!["sql_state"]!.GetValue<string>().ShouldBe("42P01");
    }

    [Fact]
    public async Task Caps_the_rows_and_says_so()
    {
        var data = await PgTest.OkAsync(_probe, server.App(), new JsonObject
        {
            ["sql"] = "SELECT g AS n, g::text AS n, now() AS at, '{\"a\":1}'::jsonb AS doc, ARRAY[g, g] AS pair FROM generate_series(1, 10) g",
            ["max_rows"] = 3,
        });

        var rows = PgTest.Objects(data["rows"]).ToList();
        rows.Count.ShouldBe(3);
        data["truncated"]!.GetValue<bool>().ShouldBeTrue();
        PgTest.Long(rows[2]["n"]).ShouldBe(3);
        rows[2]["n_2"]!.GetValue<string>().ShouldBe("3");
        rows[0]["at"]!.GetValue<string>().ShouldContain("T");
        PgTest.Long(rows[0]["doc"]!["a"]).ShouldBe(1);
        rows[0]["pair"]!.AsArray().Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("DELETE FROM alembic_version")]
    [InlineData("SELECT 1; DELETE FROM alembic_version")]
    [InlineData("SELECT 1 /* ; */ ; DELETE FROM alembic_version")]
    [InlineData("UPDATE alembic_version SET version_num = 'x'")]
    [InlineData("SELECT pg_terminate_backend(pg_backend_pid())")]
    [InlineData("SELECT set_config('default_transaction_read_only', 'off', false)")]
    public async Task Refuses_statements_that_could_change_the_database_without_connecting(string sql)
    {
        await CreateAlembicVersionAsync();

        var result = await PgTest.RunAsync(_probe, server.App(), Sql(sql));

        PgTest.Failed(result, ErrorKinds.InvalidArgument).Message.ShouldStartWith("postgres.query refused the statement");
        result.Data.ShouldBeNull();
        await AlembicHeadShouldBeIntactAsync();
    }

    [Fact]
    public async Task A_data_modifying_WITH_is_stopped_by_the_read_only_transaction()
    {
        await CreateAlembicVersionAsync();

        var result = await PgTest.RunAsync(_probe, server.App(), Sql("WITH gone AS (DELETE FROM alembic_version RETURNING *) SELECT * FROM gone"));

        PgTest.Failed(result, ErrorKinds.InvalidArgument).Message.ShouldContain("read-only transaction");
        result.Data!["sql_state"]!.GetValue<string>().ShouldBe("25006");
        await AlembicHeadShouldBeIntactAsync();
    }

    [Fact]
    public async Task A_statement_running_past_the_statement_timeout_is_a_timeout()
    {
        var context = PgTest.Context(server.App(), Sql("SELECT pg_sleep(5)"), settings: new JsonObject { ["statement_timeout"] = 300 });

        var result = await _probe.RunAsync(context, TestContext.Current.CancellationToken);

        PgTest.Failed(result, ErrorKinds.Timeout).Message.ShouldContain("statement timeout");
    }

    private static JsonObject Sql(string sql) => new() { ["sql"] = sql };

    private Task CreateAlembicVersionAsync() => server.ExecuteAsync($"""
        DROP TABLE IF EXISTS alembic_version;
        CREATE TABLE alembic_version (version_num varchar(32) NOT NULL PRIMARY KEY);
        INSERT INTO alembic_version VALUES ('{Head}');
        """);

    private async Task AlembicHeadShouldBeIntactAsync()
    {
        await using var connection = await server.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT string_agg(version_num, ',') FROM alembic_version", connection);
        (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)).ShouldBe(Head);
    }
}
