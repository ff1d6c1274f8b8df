using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Config;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Config;

/// <summary>config.parse's 'ranges': numbers outside their allowed range, without leaking secrets.</summary>
public sealed class ConfigRangeTests : IDisposable
{
    private readonly ConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Names_numbers_below_and_above_their_range_with_the_number()
    {
        _folder.Write("config.toml", """
            node_id = 0
            [server]
            port = 70000
            workers = 4
            [replication_log]
            max_entries = 1024
            """);
        var ranges = new JsonObject
        {
            ["node_id"] = new JsonObject { ["min"] = 1 },
            ["server.port"] = new JsonObject { ["min"] = 1, ["max"] = 65535 },
            ["server.workers"] = "1..64",
            ["replication_log.max_entries"] = "..512",
            ["absent"] = "1..2",
        };

        var data = await RunAsync("config.toml", ranges);

        data["out_of_range"]!.AsArray().Select(e => $"{e!["key"]}:{e["reason"]}:{e["actual"]}:{e["actual_type"]}").ShouldBe(
        [
            "node_id:below_min:0:int", "server.port:above_max:70000:int", "replication_log.max_entries:above_max:1024:int",
        ]);
        var port = data["out_of_range"]![1]!;
        port["min"]!.GetValue<double>().ShouldBe(1);
        port["max"]!.GetValue<double>().ShouldBe(65535);
        port["secret"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Reads_numbers_held_in_strings_and_names_text_that_is_not_a_number()
    {
        _folder.Write(".env", "PORT=\"99999\"\nTIMEOUT=soon\nRETRIES=3\n");
        var ranges = new JsonObject { ["PORT"] = "1..65535", ["TIMEOUT"] = "1..60", ["RETRIES"] = "0..10" };

        var data = await RunAsync(".env", ranges);

        data["out_of_range"]!.AsArray().Select(e => $"{e!["key"]}:{e["reason"]}:{e["actual"]}").ShouldBe(["PORT:above_max:99999", "TIMEOUT:not_a_number:"]);
    }

    [Fact]
    public async Task Never_reports_the_value_of_a_key_that_looks_secret()
    {
        _folder.Write("config.yaml", "auth:\n  api_key: 123456789\njwt_secret_length: 8\n");
        var ranges = new JsonObject { ["auth.api_key"] = "1..100", ["jwt_secret_length"] = "32.." };

        var data = await RunAsync("config.yaml", ranges);

        var found = data["out_of_range"]!.AsArray();
        found.Count.ShouldBe(2);
        found.ShouldAllBe(e => e!["actual"] == null && e["secret"]!.GetValue<bool>());
        data.ToJsonString().ShouldNotContain("123456789");
    }

    [Fact]
    public async Task Takes_ranges_from_the_component_settings()
    {
        _folder.Write("config.yaml", "server:\n  port: 0\n");

        var result = await _folder.RunAsync(new ConfigParseProbe(), new JsonObject
        {
            ["path"] = "config.yaml",
            ["ranges"] = new JsonObject { ["server.port"] = new JsonObject { ["min"] = 1, ["max"] = 65535 } },
        });

        result.Data!["out_of_range"]!.AsArray().ShouldHaveSingleItem()!["key"]!.GetValue<string>().ShouldBe("server.port");
    }

    [Theory]
    [InlineData("""{"port": {"least": 1}}""")]
    [InlineData("""{"port": "a..b"}""")]
    [InlineData("""{"port": {"min": 10, "max": 1}}""")]
    [InlineData("""{"port": {}}""")]
    [InlineData("""{"port": [1, 2]}""")]
    public async Task A_malformed_range_is_an_invalid_argument(string ranges)
    {
        _folder.Write("config.yaml", "port: 1\n");

        var result = await _folder.ParseAsync("config.yaml", args: new JsonObject { ["ranges"] = JsonNode.Parse(ranges) });

        result.Error!.Kind.ShouldBe(ErrorKinds.InvalidArgument);
        result.Error.Message.ShouldContain("'port'");
    }

    private async Task<JsonObject> RunAsync(string name, JsonObject ranges)
    {
        var result = await _folder.ParseAsync(name, args: new JsonObject { ["ranges"] = ranges });
        result.Error.ShouldBeNull();
        return result.Data!.AsObject();
    }
}
