using Medic.Probes.Tests.Binary;
using Medic.Probes.Tests.Support;
using Medic.Scenarios.Tests.Support;
using Shouldly;
using Xunit;
using Report = Medic.Scenarios.Tests.HarmonyLite.HarmonyLiteScenarioTests.Report;

namespace Medic.Scenarios.Tests.HarmonyLite;

/// <summary>
/// The node's harmonylite binary built with gcc (a private shared library removed; SQLite compiled in) and other
/// nodes' database files next to the node's own; medic diagnose runs on examples/harmonylite/medic.yaml.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HarmonyLiteBinaryAndPeerScenarioTests(HarmonyLiteFixture fx) : IClassFixture<HarmonyLiteFixture>, IDisposable
{
    private readonly TempFolder _peers = new();

    private HarmonyLiteNode? _node;

    public void Dispose()
    {
        _node?.Dispose();
        _peers.Dispose();
    }

    private async Task<HarmonyLiteNode> NodeAsync() => _node = await HarmonyLiteNode.CreateAsync(fx.Nats.Url);

    private async Task<Report> DiagnoseAsync(HarmonyLiteNode node)
    {
        var env = node.Env(fx.Nats.Url, fx.Nats.MonitorUrl, fx.StandIn.Url);
        env["HARMONYLITE_PEER_DBS"] = Path.Combine(_peers.Path, "*.db");
        var run = await MedicRun.RunAsync(env, "diagnose", "-f", Path.Combine(MedicRun.Root, "examples/harmonylite/medic.yaml"), "--format", "json");
        run.Stderr.ShouldBeEmpty();
        return new Report(run);
    }

    /// <summary>Replaces the node's binary with a gcc-built program linked against lib/libfoo.so.1 through $ORIGIN/lib.</summary>
    private static async Task<string> LinkedBinaryAsync(HarmonyLiteNode node)
    {
        var folder = Path.GetDirectoryName(node.Binary)!;
        var built = await Gcc.AppWithPrivateLibraryAsync(folder, "-Wl,-rpath,$ORIGIN/lib");
        File.Move(built, node.Binary, overwrite: true);
        return Path.Combine(folder, "lib", "libfoo.so.1");
    }

    private static Task CompileBinaryAsync(HarmonyLiteNode node, string source, params string[] args)
    {
        File.Delete(node.Binary);
        return Gcc.CompileAsync(Path.GetDirectoryName(node.Binary)!, source, ["-o", node.Binary, .. args]);
    }

    [Fact]
    [Covers("harmonylite.fails-to-start/missing-deps")]
    public async Task A_removed_shared_library_is_quoted_as_not_found()
    {
        var node = await NodeAsync();
        File.Delete(await LinkedBinaryAsync(node));

        var report = await DiagnoseAsync(node);

        report.First().ShouldBe("harmonylite.fails-to-start/missing-deps");
        report.Explanation(0).ShouldContain("libfoo.so.1 => not found (needed by harmonylite)");
        report.Causes.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_binary_whose_libraries_all_resolve_is_healthy()
    {
        var node = await NodeAsync();
        await LinkedBinaryAsync(node);

        var report = await DiagnoseAsync(node);

        report.AtWarningOrAbove().ShouldBeEmpty();
    }

    [Fact]
    [Covers("harmonylite.database-locks/old-sqlite")]
    [Covers("harmonylite.triggers-missing-or-corrupted/old-sqlite")]
    public async Task A_binary_with_an_old_SQLite_compiled_in_is_named()
    {
        // No SQLite older than 3.40.1 exists here: the binary carries what a 3.31.1 amalgamation compiles in.
        var node = await NodeAsync();
        await CompileBinaryAsync(node, SqliteVersionScannerTests.OldSqliteProgram);

        var report = await DiagnoseAsync(node);

        report.First().ShouldBe("harmonylite.database-locks/old-sqlite");
        report.Explanation(0).ShouldContain($"{node.Binary} has SQLite 3.31.1 compiled in (source id {SqliteVersionScannerTests.OldSourceId})");
        report.Related(0).ShouldContain("harmonylite.triggers-missing-or-corrupted/old-sqlite");
    }

    [Fact]
    public async Task A_binary_with_SQLite_3_40_1_compiled_in_is_healthy()
    {
        var node = await NodeAsync();
        await CompileBinaryAsync(node, "#include <sqlite3.h>\nint main(void) { return sqlite3_libversion_number() > 0 ? 0 : 1; }\n",
            "/usr/lib/x86_64-linux-gnu/libsqlite3.a", "-lm", "-lpthread", "-ldl");

        var report = await DiagnoseAsync(node);

        report.AtWarningOrAbove().ShouldBeEmpty();
    }

    [Fact]
    [Covers("harmonylite.schema-changes-break-replication/schema-differs")]
    public async Task A_peer_node_with_an_extra_column_is_named()
    {
        var node = await NodeAsync();
        var peer = Path.Combine(_peers.Path, "node2.db");
        await SqliteCli.RunAsync(node.Db, $"VACUUM INTO '{peer}';");
        await SqliteCli.RunAsync(peer, "ALTER TABLE notes ADD COLUMN author TEXT;");

        var report = await DiagnoseAsync(node);

        report.First().ShouldBe("harmonylite.schema-changes-break-replication/schema-differs");
        report.Explanation(0).ShouldContain($"table notes differs from {node.Db}: {peer} has [author TEXT]");
        report.Causes.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Peer_nodes_with_the_same_tables_are_healthy_and_left_as_they_were()
    {
        var node = await NodeAsync();
        var peer = Path.Combine(_peers.Path, "node2.db");
        await SqliteCli.RunAsync(node.Db, $"VACUUM INTO '{peer}';");
        var before = File.ReadAllBytes(peer);

        var report = await DiagnoseAsync(node);

        report.AtWarningOrAbove().ShouldBeEmpty();
        File.ReadAllBytes(peer).ShouldBe(before);
        Directory.GetFiles(_peers.Path).ShouldBe([peer]);
    }
}
