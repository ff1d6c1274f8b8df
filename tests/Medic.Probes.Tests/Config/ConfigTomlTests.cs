using System.Text.Json.Nodes;
using Medic.Core.Probing;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Config;

/// <summary>config.parse on TOML files, HarmonyLite's format.</summary>
public sealed class ConfigTomlTests : IDisposable
{
    private const string HarmonyLite = """
        db_path = "/var/lib/harmonylite/data.db"
        node_id = 1
        seq_map_path = "/var/lib/harmonylite/seq-map.cbor"
        cleanup_interval = 5000
        started = 2024-05-07T10:00:00Z

        [replication_log]
        shards = 1
        max_entries = 1024
        compress = true

        [nats]
        urls = ["nats://127.0.0.1:4222"]
        connect_retries = 5

        [[streams]]
        name = "a"
        """;

    private readonly ConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Reads_required_keys_and_types_of_a_toml_file()
    {
        _folder.Write("config.toml", HarmonyLite);
        var types = new JsonObject
        {
            ["node_id"] = "int", ["db_path"] = "string", ["nats.urls"] = "list", ["replication_log"] = "map",
            ["replication_log.compress"] = "bool", ["started"] = "datetime", ["cleanup_interval"] = "string",
            ["streams.0.name"] = "int",
        };

        var data = Ok(await _folder.ParseAsync("config.toml", require: ["db_path", "nats.urls", "snapshot.store", "streams.0.name"], types: types));

        data["format"]!.GetValue<string>().ShouldBe("toml");
        data["syntax_ok"]!.GetValue<bool>().ShouldBeTrue();
        Strings(data["top_level_keys"]).ShouldBe(["db_path", "node_id", "seq_map_path", "cleanup_interval", "started", "replication_log", "nats", "streams"]);
        Strings(data["missing"]).ShouldBe(["snapshot.store"]);
        data["type_errors"]!.AsArray().Select(e => $"{e!["key"]}:{e["expected"]}:{e["actual"]}")
            .ShouldBe(["cleanup_interval:string:int", "streams.0.name:int:string"]);
    }

    [Fact]
    public async Task An_empty_toml_string_is_an_empty_required_value()
    {
        _folder.Write("config.toml", "db_path = \"\"\n[nats]\nurls = []\n");

        var data = Ok(await _folder.ParseAsync("config.toml", require: ["db_path", "nats.urls"]));

        Strings(data["empty"]).ShouldBe(["db_path"]);
        Strings(data["missing"]).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("node_id = 1\n[nats\nurls = []\n", 2, 6)]
    [InlineData("node_id = 1\ndb_path = /var/lib/x.db\n", 2, 11)]
    [InlineData("node_id = 1\nnode_id = 2\n", 2, 1)]
    [InlineData("[nats]\nurls = [\"a\",\n", 2, 8)] // the '[' that is never closed
    public async Task Reports_toml_syntax_errors_at_their_line_and_column(string text, int line, int column)
    {
        _folder.Write("config.toml", text);

        var data = Ok(await _folder.ParseAsync("config.toml", require: ["node_id"]));

        data["syntax_ok"]!.GetValue<bool>().ShouldBeFalse();
        data["syntax_error"]!["line"]!.GetValue<int>().ShouldBe(line);
        data["syntax_error"]!["column"]!.GetValue<int>().ShouldBe(column);
        data["syntax_error"]!["message"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        data["missing"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_syntax_error_never_quotes_the_value_it_stumbled_on()
    {
        _folder.Write("config.toml", "node_id = 1\njwt_secret = sk-live-4f9a8b7c\n");

        var data = Ok(await _folder.ParseAsync("config.toml"));

        data["syntax_error"]!["line"]!.GetValue<int>().ShouldBe(2);
        data["syntax_error"]!["message"]!.GetValue<string>().ShouldContain("strings need quotes");
        data.ToJsonString().ShouldNotContain("sk-live");
    }

    [Fact]
    public async Task A_declared_toml_format_overrides_the_extension()
    {
        _folder.Write("harmonylite.conf", "node_id = 3\n");

        var data = Ok(await _folder.ParseAsync("harmonylite.conf", require: ["node_id"], format: "toml"));

        data["format"]!.GetValue<string>().ShouldBe("toml");
        data["missing"]!.AsArray().ShouldBeEmpty();
    }

    private static JsonObject Ok(ProbeResult result)
    {
        result.Error.ShouldBeNull();
        return result.Data!.AsObject();
    }

    private static string[] Strings(JsonNode? list) => [.. list!.AsArray().Select(x => x!.GetValue<string>())];
}
