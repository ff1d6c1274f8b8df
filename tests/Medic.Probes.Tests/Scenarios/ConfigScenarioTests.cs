using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Scenarios;

/// <summary>The generic config runbooks on real configuration files of a three-node cluster.</summary>
public sealed class ConfigScenarioTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Node(int id) => $"""
        db_path = "/var/lib/harmonylite/data.db"
        node_id = {id}
        [replication_log]
        shards = 1
        [nats]
        urls = ["nats://127.0.0.1:4222"]
        """;

    private static string System(string folder) => $"""
        system: cluster
        components:
          nodes:
            kind: config
            path: '{folder}/node1.toml'
            paths: ['{folder}/node*.toml']
            require: [db_path, node_id, nats.urls]
            unique: [node_id]
            same: [replication_log.shards]
            ranges:
              node_id: '1..'
        """;

    [Fact]
    public async Task Two_nodes_with_the_same_node_id_are_named()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("node1.toml"), Node(1), Ct);
        await File.WriteAllTextAsync(folder.File("node2.toml"), Node(2), Ct);
        await File.WriteAllTextAsync(folder.File("node3.toml"), Node(1), Ct);

        var report = await Scenario.DiagnoseAsync(System(folder.Path), Ct);

        report.Causes().ShouldBe(["config.duplicate-across-nodes/duplicate-value"]);
        report.Findings[0].Explanation.ShouldContain($"node_id 1 is used by {folder.File("node1.toml")} and {folder.File("node3.toml")}");
    }

    [Fact]
    public async Task Distinct_node_ids_and_equal_shards_yield_no_finding()
    {
        using var folder = new TempFolder();
        foreach (var n in new[] { 1, 2, 3 })
        {
            await File.WriteAllTextAsync(folder.File($"node{n}.toml"), Node(n), Ct);
        }

        var report = await Scenario.DiagnoseAsync(System(folder.Path), Ct);

        report.Findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_node_id_of_zero_is_out_of_range()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("node1.toml"), Node(0), Ct);
        await File.WriteAllTextAsync(folder.File("node2.toml"), Node(2), Ct);

        var report = await Scenario.DiagnoseAsync(System(folder.Path), Ct);

        report.Causes().ShouldBe(["config.value-out-of-range/out-of-range"]);
        report.Findings[0].Explanation.ShouldContain("node_id is 0, allowed 1..");
    }
}
