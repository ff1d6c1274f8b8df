using System.Text.Json;
using Shouldly;
using Xunit;

namespace Medic.Cli.Tests;

/// <summary><c>medic ask … --run -f</c> runs the runbook the best answer links to against a real (missing) SQLite file.</summary>
public sealed class AskRunTests
{
    [Fact]
    public async Task Run_executes_the_linked_runbook_and_prints_only_its_report_on_stdout()
    {
        using var temp = new TempFolder();
        var db = Path.Combine(temp.Path, "data", "orders.db");
        var system = temp.Write("medic.yaml", $"system: shop\ncomponents:\n  db: {{ kind: sqlite, path: '{db}' }}\n");
        var result = await CliRun.RunAsync(["ask", "database file does not exist", "--kb", Path.Combine(temp.Path, "kb.db"), "--run", "-f", system, "--format", "json"]);
        result.ExitCode.ShouldBe(1, result.Stderr);
        result.Stderr.ShouldContain("running sqlite.unavailable against shop");
        using var report = JsonDocument.Parse(result.Stdout);
        var finding = report.RootElement.GetProperty("findings")[0];
        finding.GetProperty("runbook").GetString().ShouldBe("sqlite.unavailable");
        finding.GetProperty("cause").GetString().ShouldBe("file-missing");
        File.Exists(db).ShouldBeFalse();
    }

    [Fact]
    public async Task Run_without_a_system_file_is_an_input_error()
    {
        var result = await CliRun.RunAsync(["ask", "database is locked", "--run"]);
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("--run needs the system file");
    }
}
