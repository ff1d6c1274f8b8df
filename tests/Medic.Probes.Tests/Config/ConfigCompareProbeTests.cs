using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Config;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Config;

public sealed class ConfigCompareProbeTests : IDisposable
{
    private readonly ConfigFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Node(int id, string cluster = "east", string secret = "s3cr3t-a") => $"""
        node_id = {id}
        cluster_secret = "{secret}"
        [cluster]
        name = "{cluster}"
        """;

    [Fact]
    public async Task Names_a_node_id_used_by_two_of_three_nodes()
    {
        var a = _folder.Write("node-a.toml", Node(1));
        var b = _folder.Write("node-b.toml", Node(2));
        var c = _folder.Write("node-c.toml", Node(1));

        var data = await CompareAsync(new JsonObject { ["path"] = "node-a.toml", ["paths"] = new JsonArray("node-*.toml"), ["unique"] = new JsonArray("node_id") });

        data["file_count"]!.GetValue<int>().ShouldBe(3);
        data["files"]!.AsArray().Select(f => f!["path"]!.GetValue<string>()).ShouldBe([a, b, c]);
        var duplicate = data["duplicates"]!.AsArray().ShouldHaveSingleItem()!;
        duplicate["key"]!.GetValue<string>().ShouldBe("node_id");
        duplicate["value"]!.GetValue<string>().ShouldBe("1");
        duplicate["files"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe([a, c]);
        data["differences"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Names_the_values_of_a_key_that_must_agree_but_differs()
    {
        var a = _folder.Write("a.toml", Node(1, "east"));
        var b = _folder.Write("b.toml", Node(2, "west"));
        var c = _folder.Write("c.toml", Node(3, "east"));

        var data = await CompareAsync(new JsonObject { ["path"] = "a.toml", ["paths"] = new JsonArray("b.toml", "c.toml"), ["unique"] = new JsonArray("node_id"), ["same"] = new JsonArray("cluster.name") });

        data["duplicates"]!.AsArray().ShouldBeEmpty();
        var difference = data["differences"]!.AsArray().ShouldHaveSingleItem()!;
        difference["key"]!.GetValue<string>().ShouldBe("cluster.name");
        difference["values"]!.AsArray().Select(v => $"{v!["value"]}:{string.Join(",", v["files"]!.AsArray().Select(f => Path.GetFileName(f!.GetValue<string>())))}")
            .ShouldBe(["east:a.toml,c.toml", "west:b.toml"]);
        difference["files"]!.AsArray().Count.ShouldBe(3);
    }

    [Fact]
    public async Task Never_shows_the_values_of_secret_keys()
    {
        _folder.Write("a.toml", Node(1, secret: "s3cr3t-a"));
        _folder.Write("b.toml", Node(2, secret: "s3cr3t-a"));
        _folder.Write("c.toml", Node(3, secret: "s3cr3t-c"));

        var data = await CompareAsync(new JsonObject { ["path"] = "a.toml", ["paths"] = new JsonArray("*.toml") },
            new JsonObject { ["unique"] = new JsonArray("cluster_secret"), ["same"] = new JsonArray("cluster_secret") });

        data["duplicates"]!.AsArray().ShouldHaveSingleItem()!["value"].ShouldBeNull();
        data["differences"]!.AsArray().ShouldHaveSingleItem()!["values"]!.AsArray().ShouldAllBe(v => v!["value"] == null);
        data.ToJsonString().ShouldNotContain("s3cr3t");
    }

    [Fact]
    public async Task Lists_files_that_lack_a_key_or_do_not_parse_and_compares_the_rest()
    {
        var a = _folder.Write("a.toml", Node(1));
        var b = _folder.Write("b.toml", "cluster_secret = \"x\"\n");
        var c = _folder.Write("c.toml", "node_id = [1\n");
        var d = _folder.Write("d.yaml", "node_id: 1\n");

        var data = await CompareAsync(new JsonObject { ["path"] = "a.toml", ["paths"] = new JsonArray("b.toml", "c.toml", "d.yaml", "e.toml"), ["unique"] = new JsonArray("node_id") });

        data["unparsed"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe([c, Path.Combine(_folder.Path, "e.toml")]);
        data["files"]![2]!["syntax_ok"]!.GetValue<bool>().ShouldBeFalse();
        data["files"]![2]!["syntax_error"]!["line"]!.GetValue<int>().ShouldBe(1);
        data["files"]![4]!["error"]!["kind"]!.GetValue<string>().ShouldBe(ErrorKinds.NotFound);
        data["missing"]!.AsArray().ShouldHaveSingleItem()!["files"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe([b]);
        data["duplicates"]!.AsArray().ShouldHaveSingleItem()!["files"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe([a, d]);
    }

    [Fact]
    public async Task A_glob_matching_nothing_is_reported()
    {
        _folder.Write("a.toml", Node(1));

        var data = await CompareAsync(new JsonObject { ["path"] = "a.toml", ["paths"] = new JsonArray("nodes/*.toml"), ["unique"] = new JsonArray("node_id") });

        data["unmatched"]!.AsArray().ShouldHaveSingleItem()!.GetValue<string>().ShouldBe(Path.Combine(_folder.Path, "nodes/*.toml"));
        data["file_count"]!.GetValue<int>().ShouldBe(1);
        data["duplicates"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Expands_recursive_globs()
    {
        foreach (var n in new[] { 1, 2, 3 })
        {
            Directory.CreateDirectory(Path.Combine(_folder.Path, $"cluster/node{n}"));
            _folder.Write($"cluster/node{n}/config.toml", Node(n == 3 ? 2 : n));
        }

        var data = await CompareAsync(new JsonObject { ["path"] = "cluster/**/config.toml", ["unique"] = new JsonArray("node_id") });

        data["file_count"]!.GetValue<int>().ShouldBe(3);
        data["duplicates"]!.AsArray().ShouldHaveSingleItem()!["value"]!.GetValue<string>().ShouldBe("2");
    }

    [Fact]
    public async Task With_nothing_to_compare_it_finds_nothing()
    {
        _folder.Write("a.toml", Node(1));

        var data = await CompareAsync(new JsonObject { ["path"] = "a.toml" });

        data["file_count"]!.GetValue<int>().ShouldBe(1);
        data["duplicates"]!.AsArray().ShouldBeEmpty();
        data["differences"]!.AsArray().ShouldBeEmpty();
        data["missing"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public void Is_registered_among_the_built_in_probes()
    {
        BuiltInProbes.Registry().Find("config.compare").ShouldBeOfType<ConfigCompareProbe>();
    }

    private async Task<JsonObject> CompareAsync(JsonObject settings, JsonObject? args = null)
    {
        ProbeResult result = await _folder.RunAsync(new ConfigCompareProbe(), settings, args);
        result.Error.ShouldBeNull();
        return result.Data!.AsObject();
    }
}
