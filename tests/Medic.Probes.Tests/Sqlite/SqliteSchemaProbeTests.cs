using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Sqlite;
using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Sqlite;

public sealed class SqliteSchemaProbeTests : IDisposable
{
    private const string Extra = """
        CREATE TABLE audit(id INTEGER PRIMARY KEY, job_id INTEGER, at TEXT);
        CREATE TRIGGER jobs_audit AFTER INSERT ON jobs BEGIN INSERT INTO audit(job_id, at) VALUES (new.id, 'now'); END;
        CREATE VIEW recent AS SELECT id, name FROM jobs ORDER BY id DESC LIMIT 5;
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Lists_tables_with_columns_indexes_triggers_and_views()
    {
        var db = TestDatabases.Create(_folder.File("schema.db"), rows: 25, extra: Extra);

        var data = (await RunAsync(db)).OkData();

        var tables = data["tables"]!.AsArray();
        tables.Select(t => t!["name"]!.GetValue<string>()).ShouldBe(["audit", "jobs"]);
        var jobs = tables.Single(t => t!["name"]!.GetValue<string>() == "jobs")!;
        jobs["columns"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["id", "name", "payload"]);
        jobs["row_count"].ShouldBeNull();
        data["indexes"]!.AsArray().ShouldHaveSingleItem()!["name"]!.GetValue<string>().ShouldBe("jobs_name");
        data["indexes"]![0]!["table"]!.GetValue<string>().ShouldBe("jobs");
        data["triggers"]!.AsArray().ShouldHaveSingleItem()!["table"]!.GetValue<string>().ShouldBe("jobs");
        data["views"]!.AsArray().ShouldHaveSingleItem()!["name"]!.GetValue<string>().ShouldBe("recent");
        data["views"]![0]!["columns"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["id", "name"]);
    }

    [Fact]
    public async Task Counts_rows_only_of_the_tables_named()
    {
        var db = TestDatabases.Create(_folder.File("count.db"), rows: 25, extra: Extra);

        var data = (await RunAsync(db, "jobs", "nosuch")).OkData();

        var tables = data["tables"]!.AsArray().ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!["row_count"]);
        tables["jobs"]!.GetValue<long>().ShouldBe(25);
        tables["audit"].ShouldBeNull();
        data["missing_tables"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["nosuch"]);
    }

    [Fact]
    public async Task A_missing_file_is_not_found_and_not_created()
    {
        var path = _folder.File("none.db");

        var result = await RunAsync(path);

        result.Error!.Kind.ShouldBe(ErrorKinds.NotFound);
        File.Exists(path).ShouldBeFalse();
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_corrupt()
    {
        var path = _folder.File("text.db");
        await File.WriteAllTextAsync(path, "hello, this is not SQLite at all, just some words long enough to matter." + new string('.', 200), TestContext.Current.CancellationToken);

        var result = await RunAsync(path);

        result.Error!.Kind.ShouldBe(ErrorKinds.Corrupt);
    }

    private Task<ProbeResult> RunAsync(string path, params string[] tables) =>
        new SqliteSchemaProbe().RunAsync(ProbeHarness.Context("sqlite", new() { ["path"] = path },
            tables.Length == 0 ? null : new JsonObject { ["tables"] = new JsonArray([.. tables.Select(t => (JsonNode?)t)]) }),
            TestContext.Current.CancellationToken);
}
