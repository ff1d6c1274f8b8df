using System.Globalization;
using Medic.Scenarios.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Scenarios.Tests.Pma;

/// <summary>
/// PMA's guide ends in its log ("Review logs for queries that may be holding locks"): the pma.database-locked runbook
/// runs logs.scan on the system's <c>logs</c> component. Real log files in PMA's journal shape (logfmt inside), a real
/// SQLite file in WAL mode, the example system file plus a logs component.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PmaLogScenarios : IAsyncLifetime
{
    private readonly PmaWorld _pma = new();
    private string _system = "";

    public async ValueTask InitializeAsync()
    {
        await _pma.InitializeAsync();
        // the example system with a logs component: the README's "logs: { kind: logs, paths: [...] }"
        var example = await File.ReadAllTextAsync(Path.Combine(MedicRun.Root, "examples", "pma", "medic.yaml"), TestContext.Current.CancellationToken);
        _system = _pma.Folder.File("medic.yaml");
        await File.WriteAllTextAsync(_system, example + "  logs:\n    kind: logs\n    paths:\n      - ${PMA_LOGS_DIR}/*.log\n", TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _pma.DisposeAsync();

    [Fact]
    public async Task Recent_database_is_locked_errors_in_the_service_log_are_a_finding()
    {
        var now = DateTimeOffset.UtcNow;
        var lines = new List<string>();
        // two hours ago: outside the runbook's 15 minute window, so not counted
        lines.AddRange(Enumerable.Range(0, 5).Select(i => Line(now.AddHours(-2).AddSeconds(i), "error", "database is locked")));
        lines.AddRange(Enumerable.Range(0, 20).Select(i => Line(now.AddMinutes(-10).AddSeconds(i), "info", "request completed")));
        lines.AddRange(Enumerable.Range(0, 3).Select(i => Line(now.AddMinutes(-5).AddSeconds(i), "error", "database is locked")));
        await File.WriteAllLinesAsync(_pma.Folder.File("logs/pma.log"), lines, TestContext.Current.CancellationToken);

        var run = await DiagnoseAsync(await _pma.WalDatabaseAsync());

        run.AtWarningOrAbove().ShouldBe(["pma.database-locked/locked-errors-in-logs (warning)"], run.Stdout);
        var finding = run.Findings()[0];
        finding.Explanation.ShouldContain("The PMA log has 3 errors matching \"database is locked\" in the last 15 minutes");
        finding.Explanation.ShouldContain("msg=\"database is locked\"");
        run.Causes().ShouldNotContain("sqlite.database-locked/locked-errors-in-logs");
    }

    [Fact]
    public async Task Healthy_twin_with_a_clean_service_log_reports_nothing_at_warning_or_above()
    {
        var now = DateTimeOffset.UtcNow;
        await File.WriteAllLinesAsync(
            _pma.Folder.File("logs/pma.log"),
            [.. Enumerable.Range(0, 20).Select(i => Line(now.AddMinutes(-10).AddSeconds(i), "info", "request completed"))],
            TestContext.Current.CancellationToken);

        var run = await DiagnoseAsync(await _pma.WalDatabaseAsync());

        run.ExitCode.ShouldBeInRange(0, 1, run.Stderr);
        run.AtWarningOrAbove().ShouldBeEmpty(run.Stdout);
        run.Stdout.ShouldContain("\"probe\": \"logs.scan\"");
    }

    private static string Line(DateTimeOffset t, string level, string msg) =>
        $"{t:MMM dd HH:mm:ss} pma-host pma-backend[901]: time={t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)} level={level} msg=\"{msg}\" table=entities";

    private Task<MedicRun> DiagnoseAsync(string db) => MedicRun.RunAsync(_pma.Env(db), "diagnose", "-f", _system, "--format", "json");
}
