using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Probes.Sqlite;
using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Sqlite;

public sealed class SqliteCompareProbeTests : IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode=WAL;
        CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT NOT NULL DEFAULT '');
        CREATE TABLE tags(id INTEGER PRIMARY KEY, name text);
        CREATE TABLE __harmonylite__notes_change_log(id INTEGER PRIMARY KEY, val_id INTEGER);
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<string> DbAsync(string name, string extra = "")
    {
        var path = _folder.File(name);
        await SqliteCli.RunAsync(path, Schema + extra);
        return path;
    }

    private static Task<Medic.Core.Probing.ProbeResult> RunAsync(string db, JsonArray? peers, params string[] exclude)
    {
        var settings = new JsonObject { ["path"] = db };
        if (peers is not null)
        {
            settings["peers"] = peers;
        }

        var args = exclude.Length == 0 ? null : new JsonObject { ["exclude"] = new JsonArray([.. exclude.Select(e => (JsonNode?)e)]) };
        return ProbeHarness.RunAsync(new SqliteCompareProbe(), "sqlite", settings, args, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Identical_nodes_have_no_differences_even_with_differently_written_types()
    {
        var a = await DbAsync("a.db");
        var b = _folder.File("b.db");
        await SqliteCli.RunAsync(b, Schema.Replace("name text", "name   TEXT", StringComparison.Ordinal));

        var data = (await RunAsync(a, new JsonArray(b))).OkData();

        data["compared"]!.GetValue<int>().ShouldBe(2);
        data["differences"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task An_extra_column_on_one_node_is_named_with_its_node()
    {
        var a = await DbAsync("a.db");
        var b = await DbAsync("b.db", "ALTER TABLE notes ADD COLUMN author TEXT;");

        var data = (await RunAsync(a, new JsonArray(b))).OkData();

        data["differing_tables"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["notes"]);
        var diff = data["differences"]![0]!;
        diff["nodes"]![1]!["extra_columns"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe(["author TEXT"]);
        diff["nodes"]![0]!["extra_columns"]!.AsArray().ShouldBeEmpty();
        diff["summary"]!.GetValue<string>().ShouldBe($"table notes differs from {a}: {b} has [author TEXT]");
    }

    [Fact]
    public async Task A_changed_default_and_a_missing_table_are_differences()
    {
        var a = await DbAsync("a.db");
        var b = _folder.File("b.db");
        await SqliteCli.RunAsync(b, Schema.Replace("DEFAULT ''", "DEFAULT 'x'", StringComparison.Ordinal).Replace("CREATE TABLE tags(id INTEGER PRIMARY KEY, name text);", "", StringComparison.Ordinal));

        var data = (await RunAsync(a, new JsonArray(b))).OkData();

        data["differing_tables"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["notes", "tags"]);
        var notes = data["differences"]![0]!["summary"]!.GetValue<string>();
        notes.ShouldContain("has [body TEXT NOT NULL DEFAULT 'x']");
        notes.ShouldContain("lacks [body TEXT NOT NULL DEFAULT '']");
        data["differences"]![1]!["summary"]!.GetValue<string>().ShouldContain($"{b} has no table tags");
    }

    [Fact]
    public async Task Excluded_prefixes_are_not_compared()
    {
        var a = await DbAsync("a.db");
        var b = await DbAsync("b.db", "ALTER TABLE __harmonylite__notes_change_log ADD COLUMN val_author TEXT;");

        (await RunAsync(a, new JsonArray(b))).OkData()["differing_tables"]!.AsArray().Count.ShouldBe(1);
        (await RunAsync(a, new JsonArray(b), "__harmonylite__")).OkData()["differences"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_glob_finds_peers_and_skips_the_database_itself_and_its_wal()
    {
        Directory.CreateDirectory(_folder.File("nodes"));
        var a = await DbAsync("nodes/node1.db");
        var b = await DbAsync("nodes/node2.db", "ALTER TABLE tags ADD COLUMN color TEXT;");

        var data = (await RunAsync(a, new JsonArray(_folder.File("nodes/*")))).OkData();

        data["peers"]!.AsArray().Select(p => p!["path"]!.GetValue<string>()).ShouldBe([b]);
        data["differing_tables"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["tags"]);
    }

    [Fact]
    public async Task A_missing_peer_is_reported_and_never_created()
    {
        var a = await DbAsync("a.db");
        var absent = _folder.File("absent.db");

        var data = (await RunAsync(a, new JsonArray(absent))).OkData();

        data["peers"]![0]!["read"]!.GetValue<bool>().ShouldBeFalse();
        data["peers"]![0]!["error_kind"]!.GetValue<string>().ShouldBe(ErrorKinds.NotFound);
        data["compared"]!.GetValue<int>().ShouldBe(1);
        File.Exists(absent).ShouldBeFalse();
    }

    [Fact]
    public async Task Peers_are_left_unchanged()
    {
        var a = await DbAsync("a.db");
        var b = await DbAsync("b.db", "ALTER TABLE notes ADD COLUMN author TEXT;");
        var before = Directory.GetFiles(_folder.Path).Order().Select(f => (f, File.ReadAllBytes(f))).ToList();

        (await RunAsync(a, new JsonArray(b))).OkData();

        Directory.GetFiles(_folder.Path).Order().Select(f => (f, File.ReadAllBytes(f))).ToList()
            .Select(x => (x.f, Convert.ToHexString(x.Item2)))
            .ShouldBe(before.Select(x => (x.f, Convert.ToHexString(x.Item2))));
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_an_error_for_that_peer_only()
    {
        var a = await DbAsync("a.db");
        var junk = _folder.File("junk.db");
        await File.WriteAllTextAsync(junk, new string('x', 2000), TestContext.Current.CancellationToken);

        var data = (await RunAsync(a, new JsonArray(junk))).OkData();

        data["peers"]![0]!["error"]!.GetValue<string>().ShouldContain(junk);
    }
}
