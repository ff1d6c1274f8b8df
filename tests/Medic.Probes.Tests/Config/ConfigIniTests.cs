using System.Text.Json.Nodes;
using Medic.Core.Probing;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Config;

/// <summary>config.parse on INI files.</summary>
public sealed class ConfigIniTests : IDisposable
{
    private readonly ConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Reads_sections_as_dotted_keys_with_both_separators_and_comments()
    {
        _folder.Write("app.ini", """
            ; global settings
            name = shop
            [server]
            port = 8080 ; inline comment
            host: 127.0.0.1
            debug = yes
            # comment
            [database]
              url = "postgres://db/app"
              pool = 
            [remote "origin"]
            	fetch = +refs/heads/*
            [server]
            workers = 4
            """);
        var types = new JsonObject
        {
            ["server.port"] = "int", ["server.debug"] = "bool", ["server.host"] = "string", ["database.url"] = "string",
            ["server.workers"] = "int", ["name"] = "int",
        };

        var data = Ok(await _folder.ParseAsync("app.ini", require: ["server.port", "database.pool", "remote.origin.fetch", "server.workers", "cache.size"], types: types));

        data["format"]!.GetValue<string>().ShouldBe("ini");
        data["syntax_ok"]!.GetValue<bool>().ShouldBeTrue();
        Strings(data["top_level_keys"]).ShouldBe(["name", "server", "database", "remote.origin"]);
        Strings(data["missing"]).ShouldBe(["cache.size"]);
        Strings(data["empty"]).ShouldBe(["database.pool"]);
        data["type_errors"]!.AsArray().Select(e => $"{e!["key"]}:{e["actual"]}").ShouldBe(["name:string"]);
    }

    [Theory]
    [InlineData("[server]\nport = 1\n[database\nurl = x\n", 3, 10, "expected ']'")]
    [InlineData("[server]\n  just some words\n", 2, 3, "expected 'key = value'")]
    [InlineData("[server]\n= 5\n", 2, 1, "a key is missing")]
    [InlineData("[server]\nname = \"open\n", 2, 8, "unterminated quoted value")]
    [InlineData("[server] extra\n", 1, 10, "unexpected text after the section header")]
    [InlineData("[ ]\n", 1, 1, "empty section name")]
    public async Task Reports_ini_syntax_errors_at_their_line_and_column(string text, int line, int column, string message)
    {
        _folder.Write("app.cfg", text);

        var data = Ok(await _folder.ParseAsync("app.cfg"));

        data["format"]!.GetValue<string>().ShouldBe("ini");
        data["syntax_ok"]!.GetValue<bool>().ShouldBeFalse();
        data["syntax_error"]!["line"]!.GetValue<int>().ShouldBe(line);
        data["syntax_error"]!["column"]!.GetValue<int>().ShouldBe(column);
        data["syntax_error"]!["message"]!.GetValue<string>().ShouldContain(message);
    }

    private static JsonObject Ok(ProbeResult result)
    {
        result.Error.ShouldBeNull();
        return result.Data!.AsObject();
    }

    private static string[] Strings(JsonNode? list) => [.. list!.AsArray().Select(x => x!.GetValue<string>())];
}
