using System.Text.Json.Nodes;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Config;

public sealed class ConfigSyntaxTests : IDisposable
{
    private readonly ConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<JsonObject> SyntaxErrorOf(string name, string text)
    {
        _folder.Write(name, text);
        var result = await _folder.ParseAsync(name, require: ["server.port"]);

        // A file that does not parse is still an observation: the runbooks read the error's position from it.
        result.Error.ShouldBeNull();
        result.Data!["syntax_ok"]!.GetValue<bool>().ShouldBeFalse();
        result.Data["missing"]!.AsArray().ShouldBeEmpty();
        return result.Data["syntax_error"].ShouldBeOfType<JsonObject>();
    }

    [Fact]
    public async Task Points_at_a_tab_used_for_yaml_indentation()
    {
        var error = await SyntaxErrorOf("config.yaml", "log_level: info\nserver:\n  host: x\n\tport: 3001\n");

        error["line"]!.GetValue<int>().ShouldBe(4);
        error["column"]!.GetValue<int>().ShouldBe(1);
        error["message"]!.GetValue<string>().ShouldContain("tab");
    }

    [Fact]
    public async Task Points_at_a_tab_indenting_the_first_nested_key()
    {
        var error = await SyntaxErrorOf("config.yaml", "server:\n\tport: 3001\n");

        error["line"]!.GetValue<int>().ShouldBe(2);
        error["column"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Reports_a_yaml_syntax_error_at_its_one_based_position()
    {
        var error = await SyntaxErrorOf("config.yaml", "server:\n  port: 3001\n  host: \"127.0.0.1\n");

        error["line"]!.GetValue<int>().ShouldBe(3);
        error["column"]!.GetValue<int>().ShouldBe(9);
        error["message"]!.GetValue<string>().ShouldContain("quoted scalar");
    }

    [Fact]
    public async Task Reports_a_mapping_value_where_none_is_allowed()
    {
        var error = await SyntaxErrorOf("config.yaml", "server:\n  port: 3001: 3002\n");

        error["line"]!.GetValue<int>().ShouldBe(2);
        error["column"]!.GetValue<int>().ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task Reports_a_duplicate_yaml_key()
    {
        var error = await SyntaxErrorOf("config.yaml", "a: 1\nb: 2\na: 3\n");

        error["line"]!.GetValue<int>().ShouldBe(3);
        error["message"]!.GetValue<string>().ShouldContain("Duplicate key");
    }

    [Fact]
    public async Task Reports_an_unclosed_flow_sequence_without_crashing()
    {
        var error = await SyntaxErrorOf("config.yaml", "a: [1, 2\nb: 3\n");

        error["line"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Reports_a_json_syntax_error_at_its_one_based_line_and_column()
    {
        var error = await SyntaxErrorOf("config.json", "{\n  \"server\": {\"port\": 3001,}\n}\n");

        error["line"]!.GetValue<int>().ShouldBe(2);
        error["column"]!.GetValue<int>().ShouldBe(27); // the "}" after the trailing comma
        error["message"]!.GetValue<string>().ShouldNotContain("LineNumber");
    }

    [Fact]
    public async Task Counts_json_columns_in_characters_not_bytes()
    {
        var error = await SyntaxErrorOf("config.json", "{\"naïve\": \"café\" x}");

        error["line"]!.GetValue<int>().ShouldBe(1);
        error["column"]!.GetValue<int>().ShouldBe(18);
    }
}
