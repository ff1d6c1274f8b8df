using System.Text.Json.Nodes;
using Medic.Probes.Postgres;
using Medic.Probes.Tests.Servers;
using Npgsql;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresStatementsTests(PostgresServer server)
{
    private readonly PostgresStatementsProbe _probe = new();

    [Fact]
    public async Task Lists_a_statement_called_many_times_among_the_top_statements()
    {
        await server.ExecuteAsync("DROP TABLE IF EXISTS companies; CREATE TABLE companies (id int PRIMARY KEY, npi text); INSERT INTO companies SELECT g, 'n' || g FROM generate_series(1, 200) g");
        await using (var app = await server.OpenAsync())
        {
            for (var i = 0; i < 30; i++)
            {
                await using var command = new NpgsqlCommand("SELECT npi FROM companies WHERE id = @id", app);
                command.Parameters.AddWithValue("id", i);
                await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
            }
        }

        var data = await PgTest.OkAsync(_probe, server.App(), new JsonObject { ["order_by"] = "calls", ["limit"] = 5 });

        data["available"]!.GetValue<bool>().ShouldBeTrue();
        var statements = PgTest.Objects(data["statements"]).ToList();
        statements.Count.ShouldBeLessThanOrEqualTo(5);
        var lookup = statements.First(s => s["query"]!.GetValue<string>().Contains("FROM companies WHERE id = $1", StringComparison.Ordinal));
        PgTest.Long(lookup["calls"]).ShouldBeGreaterThanOrEqualTo(30);
        lookup["database"]!.GetValue<string>().ShouldBe("app");
        lookup["mean_ms"]!.GetValue<double>().ShouldBeGreaterThanOrEqualTo(0);
        lookup["rows_per_call"]!.GetValue<double>().ShouldBeInRange(0.9, 1.0);
        PgTest.Long(data["total_calls"]).ShouldBeGreaterThanOrEqualTo(30);
        PgTest.Long(data["statement_count"]).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Says_unavailable_rather_than_failing_where_the_extension_is_not_installed()
    {
        var data = await PgTest.OkAsync(_probe, server.ConnectionString("bare"));

        data["available"]!.GetValue<bool>().ShouldBeFalse();
        data["reason"]!.GetValue<string>().ShouldContain("not installed");
        data["statements"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Refuses_an_unknown_order()
    {
        var result = await PgTest.RunAsync(_probe, server.App(), new JsonObject { ["order_by"] = "fastest" });

        PgTest.Failed(result, Medic.Core.Model.ErrorKinds.InvalidArgument).Message.ShouldContain("total_time");
    }
}
