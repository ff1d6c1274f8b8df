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

    [Fact]
    public async Task A_trigger_reports_the_columns_it_reads_those_gone_and_those_it_never_captures()
    {
        var db = _folder.File("triggers.db");
        // A table rebuilt without b and with a new c, and the old trigger put back as it was (SQLite accepts it;
        // every insert then fails with "no such column: NEW.b").
        await SqliteCli.RunAsync(db, """
            CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, c TEXT);
            CREATE TABLE log(v TEXT);
            CREATE TRIGGER t_on_insert AFTER INSERT ON t BEGIN INSERT INTO log VALUES (NEW.id || NEW."a" || new.b); END;
            """);

        var data = (await RunAsync(db)).OkData();

        var trigger = data["triggers"]!.AsArray().Single()!;
        trigger["sql"]!.GetValue<string>().ShouldContain("new.b");
        trigger["references"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["id", "a", "b"]);
        trigger["missing_columns"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["b"]);
        trigger["unused_columns"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["c"]);
        data.ContainsKey("foreign_key_violations").ShouldBeFalse("foreign_key_check runs only on request");
    }

    [Fact]
    public async Task Foreign_key_check_lists_orphan_rows_without_changing_the_file()
    {
        var db = _folder.File("fk.db");
        await SqliteCli.RunAsync(db, """
            CREATE TABLE notes(id INTEGER PRIMARY KEY);
            CREATE TABLE comments(id INTEGER PRIMARY KEY, note_id INTEGER REFERENCES notes(id));
            INSERT INTO notes VALUES (1);
            INSERT INTO comments VALUES (10, 1), (11, 99), (12, 98);
            """);
        var before = await File.ReadAllBytesAsync(db, TestContext.Current.CancellationToken);

        var result = await new SqliteSchemaProbe().RunAsync(
            ProbeHarness.Context("sqlite", new() { ["path"] = db }, new JsonObject { ["foreign_key_check"] = true }),
            TestContext.Current.CancellationToken);

        var data = result.OkData();
        var violations = data["foreign_key_violations"]!.AsArray();
        violations.Select(v => v!["rowid"]!.GetValue<long>()).ShouldBe([11L, 12L]);
        violations.ShouldAllBe(v => v!["table"]!.GetValue<string>() == "comments" && v["parent"]!.GetValue<string>() == "notes");
        data["foreign_key_violations_truncated"]!.GetValue<bool>().ShouldBeFalse();
        (await File.ReadAllBytesAsync(db, TestContext.Current.CancellationToken)).ShouldBe(before);
    }

    private Task<ProbeResult> RunAsync(string path, params string[] tables) =>
        new SqliteSchemaProbe().RunAsync(ProbeHarness.Context("sqlite", new() { ["path"] = path },
            tables.Length == 0 ? null : new JsonObject { ["tables"] = new JsonArray([.. tables.Select(t => (JsonNode?)t)]) }),
            TestContext.Current.CancellationToken);
}
