using System.Text.Json.Nodes;
using Medic.Core.Probing;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Config;

/// <summary>config.parse on .env files.</summary>
public sealed class ConfigEnvTests : IDisposable
{
    private readonly ConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Reads_keys_quotes_export_and_comments()
    {
        _folder.Write(".env", """
            # database
            export DATABASE_URL="postgres://app:pw@127.0.0.1:5432/app"
            PORT=3001 # the API port
            DEBUG=false
            RATIO=0.75
            GREETING='hello # not a comment'
            EMPTY=
            QUOTED_PORT="3001"
            MULTI="line one
            line two"
            LAST=x
            """);
        var types = new JsonObject
        {
            ["PORT"] = "int", ["DEBUG"] = "bool", ["RATIO"] = "number", ["GREETING"] = "string", ["QUOTED_PORT"] = "int",
            ["MULTI"] = "string", ["LAST"] = "string",
        };

        var data = Ok(await _folder.ParseAsync(".env", require: ["DATABASE_URL", "EMPTY", "JWT_SECRET", "LAST"], types: types));

        data["format"]!.GetValue<string>().ShouldBe("env");
        data["syntax_ok"]!.GetValue<bool>().ShouldBeTrue();
        Strings(data["top_level_keys"]).ShouldBe(["DATABASE_URL", "PORT", "DEBUG", "RATIO", "GREETING", "EMPTY", "QUOTED_PORT", "MULTI", "LAST"]);
        Strings(data["missing"]).ShouldBe(["JWT_SECRET"]);
        Strings(data["empty"]).ShouldBe(["EMPTY"]);
        // A quoted value is a string, as the application's loader hands it over.
        data["type_errors"]!.AsArray().Select(e => $"{e!["key"]}:{e["actual"]}").ShouldBe(["QUOTED_PORT:string"]);
    }

    [Fact]
    public async Task Recognises_env_files_by_name()
    {
        _folder.Write(".env.production", "A=1\n");
        _folder.Write("app.env", "A=1\n");

        Ok(await _folder.ParseAsync(".env.production"))["format"]!.GetValue<string>().ShouldBe("env");
        Ok(await _folder.ParseAsync("app.env"))["format"]!.GetValue<string>().ShouldBe("env");
    }

    [Theory]
    [InlineData("A=1\nJUST_A_WORD\n", 2, 12, "expected '='")]
    [InlineData("A=1\n  1BAD=2\n", 2, 3, "cannot start with '1'")]
    [InlineData("A=1\nMY KEY=2\n", 2, 4, "unexpected 'K'")]
    [InlineData("A=1\nB=\"never closed\nC=3\n", 2, 3, "unterminated double-quoted value")]
    [InlineData("A='x' y\n", 1, 7, "unexpected text after the closing quote")]
    public async Task Reports_env_syntax_errors_at_their_line_and_column(string text, int line, int column, string message)
    {
        _folder.Write("app.env", text);

        var data = Ok(await _folder.ParseAsync("app.env", require: ["A"]));

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
