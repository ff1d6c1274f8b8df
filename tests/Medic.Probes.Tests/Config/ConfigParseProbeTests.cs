using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Config;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Config;

public sealed class ConfigParseProbeTests : IDisposable
{
    private const string PmaConfig = """
        server:
          port: 3001
          host: "127.0.0.1"
        database:
          path: data/pma.db
          url: ""
        jwt_secret: ~
        features: [ai, websocket]
        log_level: info
        """;

    private readonly ConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static JsonObject OkData(ProbeResult result)
    {
        result.Error.ShouldBeNull();
        return result.Data.ShouldBeOfType<JsonObject>();
    }

    private static string[] Strings(JsonNode? list) => [.. list!.AsArray().Select(x => x!.GetValue<string>())];

    [Fact]
    public async Task Reports_the_shape_of_a_yaml_file_that_parses()
    {
        var file = _folder.Write("config.yaml", PmaConfig);

        var data = OkData(await _folder.ParseAsync("config.yaml"));

        data["path"]!.GetValue<string>().ShouldBe(file);
        data["exists"]!.GetValue<bool>().ShouldBeTrue();
        data["format"]!.GetValue<string>().ShouldBe("yaml");
        data["size_bytes"]!.GetValue<long>().ShouldBe(new FileInfo(file).Length);
        data["syntax_ok"]!.GetValue<bool>().ShouldBeTrue();
        data["syntax_error"].ShouldBeNull();
        data["root_type"]!.GetValue<string>().ShouldBe("map");
        Strings(data["top_level_keys"]).ShouldBe(["server", "database", "jwt_secret", "features", "log_level"]);
        Strings(data["missing"]).ShouldBeEmpty();
        Strings(data["empty"]).ShouldBeEmpty();
        data["type_errors"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Names_missing_and_empty_required_keys_by_dotted_path()
    {
        _folder.Write("config.yaml", PmaConfig);

        var data = OkData(await _folder.ParseAsync("config.yaml", require: ["server.port", "server.tls.cert", "jwt_secret", "database.url", "ai.key", "database.path"]));

        Strings(data["missing"]).ShouldBe(["server.tls.cert", "ai.key"]);
        Strings(data["empty"]).ShouldBe(["jwt_secret", "database.url"]);
    }

    [Fact]
    public async Task Reads_yaml_types_from_the_scalar_style()
    {
        _folder.Write("config.yaml", """
            port: 3001
            quoted_port: "3001"
            ratio: 0.5
            debug: true
            name: pma
            tags: [a, b]
            server: { host: x }
            """);
        var types = new JsonObject
        {
            ["port"] = "string", ["quoted_port"] = "int", ["ratio"] = "int", ["debug"] = "string",
            ["name"] = "bool", ["tags"] = "map", ["server"] = "list",
        };

        var data = OkData(await _folder.ParseAsync("config.yaml", types: types));

        data["type_errors"]!.AsArray().Select(e => $"{e!["key"]}:{e["expected"]}:{e["actual"]}").ShouldBe(
        [
            "port:string:int", "quoted_port:int:string", "ratio:int:number", "debug:string:bool",
            "name:bool:string", "tags:map:list", "server:list:map",
        ]);
    }

    [Fact]
    public async Task Accepts_values_of_the_right_type_including_an_int_as_a_number_and_alternatives()
    {
        _folder.Write("config.yaml", "port: 3001\nratio: 2\nname: x\nid: 7\n");
        var types = new JsonObject { ["port"] = "int", ["ratio"] = "number", ["name"] = "string", ["id"] = "int|string", ["absent"] = "bool" };

        var data = OkData(await _folder.ParseAsync("config.yaml", types: types));

        data["type_errors"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Reports_json_files_the_same_way()
    {
        _folder.Write("appsettings.json", """
            {
              "server": { "port": "3001", "host": "127.0.0.1" },
              "jwt_secret": "",
              "ratio": 1.5,
              "retries": 3
            }
            """);
        var types = new JsonObject { ["server.port"] = "int", ["ratio"] = "number", ["retries"] = "int" };

        var data = OkData(await _folder.ParseAsync("appsettings.json", require: ["server.port", "jwt_secret", "database.url"], types: types));

        data["format"]!.GetValue<string>().ShouldBe("json");
        Strings(data["top_level_keys"]).ShouldBe(["server", "jwt_secret", "ratio", "retries"]);
        Strings(data["missing"]).ShouldBe(["database.url"]);
        Strings(data["empty"]).ShouldBe(["jwt_secret"]);
        data["type_errors"]!.AsArray().Select(e => $"{e!["key"]}:{e["expected"]}:{e["actual"]}").ShouldBe(["server.port:int:string"]);
    }

    [Fact]
    public async Task Finds_literal_keys_containing_dots_and_list_items()
    {
        _folder.Write("c.json", """{"logging.level": "info", "servers": [{"host": "a"}], "a": {"b.c": {"d": 1}}}""");

        var data = OkData(await _folder.ParseAsync("c.json", require: ["logging.level", "servers.0.host", "servers.1.host", "a.b.c.d"]));

        Strings(data["missing"]).ShouldBe(["servers.1.host"]);
    }

    [Fact]
    public async Task Applies_yaml_merge_keys()
    {
        _folder.Write("c.yaml", """
            defaults: &defaults
              timeout: 5
              retries: 3
            service:
              <<: *defaults
              retries: ""
            """);

        var data = OkData(await _folder.ParseAsync("c.yaml", require: ["service.timeout", "service.retries"]));

        Strings(data["missing"]).ShouldBeEmpty();
        Strings(data["empty"]).ShouldBe(["service.retries"]);
    }

    [Fact]
    public async Task Arguments_override_the_component_require_and_types()
    {
        _folder.Write("c.yaml", "a: 1\n");

        var data = OkData(await _folder.ParseAsync("c.yaml", require: ["x"], types: new JsonObject { ["a"] = "string" },
            args: new JsonObject { ["require"] = new JsonArray("b"), ["types"] = new JsonObject { ["a"] = "int" } }));

        Strings(data["missing"]).ShouldBe(["b"]);
        data["type_errors"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Chooses_the_format_by_content_when_the_extension_says_nothing()
    {
        _folder.Write("settings.conf", "{\"a\": 1}");
        _folder.Write("other.conf", "a: 1\n");

        OkData(await _folder.ParseAsync("settings.conf"))["format"]!.GetValue<string>().ShouldBe("json");
        OkData(await _folder.ParseAsync("other.conf"))["format"]!.GetValue<string>().ShouldBe("yaml");
    }

    [Fact]
    public async Task An_empty_file_parses_with_every_required_key_missing()
    {
        _folder.Write("empty.yaml", "");

        var data = OkData(await _folder.ParseAsync("empty.yaml", require: ["a"]));

        data["syntax_ok"]!.GetValue<bool>().ShouldBeTrue();
        data["root_type"]!.GetValue<string>().ShouldBe("null");
        Strings(data["missing"]).ShouldBe(["a"]);
    }

    [Fact]
    public async Task A_missing_file_is_not_found_with_exists_false()
    {
        var result = await _folder.ParseAsync("nope.yaml");

        result.Error!.Kind.ShouldBe(ErrorKinds.NotFound);
        result.Data!["path"]!.GetValue<string>().ShouldBe(Path.Combine(_folder.Path, "nope.yaml"));
        result.Data["exists"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task An_unreadable_file_is_permission_denied()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            Assert.Skip("root reads every file (and Windows has no Unix modes); run as another user to exercise this");
            return;
        }

        var file = _folder.Write("secret.yaml", "a: 1\n");
        File.SetUnixFileMode(file, UnixFileMode.None);

        var result = await _folder.ParseAsync("secret.yaml");

        result.Error!.Kind.ShouldBe(ErrorKinds.PermissionDenied);
    }

    [Fact]
    public async Task An_unsupported_format_or_type_name_is_reported_not_thrown()
    {
        _folder.Write("c.xml", "<a>1</a>\n");
        _folder.Write("c.yaml", "a: 1\n");

        (await _folder.ParseAsync("c.xml", format: "xml")).Error!.Kind.ShouldBe(ErrorKinds.Unsupported);
        var badType = await _folder.ParseAsync("c.yaml", types: new JsonObject { ["a"] = "integr" });
        badType.Error!.Kind.ShouldBe(ErrorKinds.InvalidArgument);
        badType.Error.Message.ShouldContain("unknown type 'integr' for 'a'");
    }

    [Fact]
    public void Is_registered_among_the_built_in_probes()
    {
        BuiltInProbes.Registry().Find("config.parse").ShouldBeOfType<ConfigParseProbe>();
    }
}
