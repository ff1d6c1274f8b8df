using Medic.Core.Model;
using Medic.Core.Systems;
using Medic.Core.Yaml;
using Shouldly;
using Xunit;

namespace Medic.Core.Tests.Systems;

public sealed class SystemFileLoaderTests
{
    private static readonly Dictionary<string, string> Env = new()
    {
        ["PGPASSWORD"] = "s3cr3t-pw",
        ["API_PORT"] = "3001",
        ["EMPTY"] = "",
    };

    private static SystemDefinition Parse(string yaml) =>
        new SystemFileLoader(TestKinds.Registry, Env.GetValueOrDefault).Parse(YamlFile.Parse("medic.yaml", yaml), "/srv/app");

    private static IReadOnlyList<InputError> Errors(string yaml) => Should.Throw<InputException>(() => Parse(yaml)).Errors;

    [Fact]
    public void Loads_components_with_interpolated_settings_and_resolves_paths_against_the_file()
    {
        var system = Parse("""
            system: pma
            packs: [pma]
            components:
              api: { kind: http, url: "http://127.0.0.1:${API_PORT}", health: /health }
              db: { kind: sqlite, path: data/pma.db, busy_timeout: 5s }
              pg: { kind: postgres, connection: "Host=127.0.0.1;Password=${PGPASSWORD};Database=app" }
            """);

        system.Name.ShouldBe("pma");
        system.Packs.ShouldBe(["pma"]);
        system.Components.Select(c => c.Name).ShouldBe(["api", "db", "pg"]);
        system.FindComponent("api")!.GetString("url").ShouldBe("http://127.0.0.1:3001");
        system.FindComponent("db")!.GetInt("busy_timeout").ShouldBe(5000);
        system.FindComponent("db")!.ResolvePath("data/pma.db").ShouldBe("/srv/app/data/pma.db");
        system.FindComponent("api")!.Position.ShouldBe(new SourcePosition("medic.yaml", 4, 3));
    }

    [Fact]
    public void Secrets_from_secret_named_variables_and_password_pairs_are_masked()
    {
        var system = Parse("""
            system: app
            components:
              pg: { kind: postgres, connection: "Host=db;Password=${PGPASSWORD}" }
              api: { kind: http, url: "http://user:hunter22@127.0.0.1:8080" }
            """);

        system.Secrets.Scrub("pw=s3cr3t-pw and hunter22").ShouldBe("pw=*** and ***");
    }

    [Fact]
    public void Default_values_apply_when_a_variable_is_unset_or_empty()
    {
        var system = Parse("""
            system: app
            components:
              api: { kind: http, url: "http://127.0.0.1:${MISSING:-8080}${EMPTY:-/x}" }
            """);

        system.Components[0].GetString("url").ShouldBe("http://127.0.0.1:8080/x");
    }

    [Fact]
    public void Every_error_is_reported_with_its_position()
    {
        var errors = Errors("""
            system: app
            components:
              api: { kind: htp, url: "http://x" }
              db: { kind: sqlite }
              web: { kind: http, url: "not a url" }
              pg: { kind: postgres, connection: "Password=${NOPE}" }
              h: { kind: host, ports: [80, eighty], colour: blue }
            """);

        errors.Select(e => e.ToString()).ShouldBe([
            "medic.yaml:3:16: unknown component kind 'htp' (did you mean 'http'?)",
            "medic.yaml:4:7: missing required field 'path'",
            "medic.yaml:5:27: 'url' of http component is not a valid absolute URL: 'not a url'",
            "medic.yaml:6:47: environment variable 'NOPE' is not set (use '${NOPE:-default}' for a default)",
            "medic.yaml:7:32: 'ports' must be a whole number",
            "medic.yaml:7:41: unknown setting for kind 'host' 'colour' (expected one of: ports, paths, user, kind, timeout)",
        ]);
    }

    [Fact]
    public void A_yaml_syntax_error_names_its_line_and_column()
    {
        var errors = Errors("system: app\ncomponents:\n  api: { kind: http, url: \"http://x }\n");

        errors.Count.ShouldBe(1);
        errors[0].Position.File.ShouldBe("medic.yaml");
        errors[0].Position.Line.ShouldBeGreaterThanOrEqualTo(3);
        errors[0].Message.ShouldStartWith("YAML syntax:");
    }

    [Fact]
    public void Missing_system_name_and_components_are_errors()
    {
        var errors = Errors("packs: [x]\n");

        errors.Select(e => e.Message).ShouldBe(["missing required field 'system'", "missing required field 'components'"], ignoreOrder: true);
    }

    [Fact]
    public void Unknown_top_level_keys_are_errors()
    {
        Errors("system: a\ncomponent: {}\ncomponents: { h: { kind: host } }\n")
            .Single().ToString().ShouldBe("medic.yaml:2:1: unknown top-level key 'component' (did you mean 'components'?)");
    }
}
