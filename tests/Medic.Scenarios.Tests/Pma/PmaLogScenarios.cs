using System.Globalization;
using Medic.Probes.Tests.Support;
using Medic.Scenarios.Tests.StandIn;
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
    private const string Secret = "pma-jwt-secret-for-tests";
    private const string HaToken = "ha-long-lived-token-for-tests";
    private readonly TempFolder _folder = new();
    private StandInService _api = null!;
    private StandInService _homeAssistant = null!;
    private ChildProcess _server = null!;
    private string _system = "";

    public async ValueTask InitializeAsync()
    {
        // as PmaScenarios: the stand-ins, data/ and logs/ writable by the service user, a process named pma-server
        _api = await StandInService.StartAsync(new PmaSurface(), TestContext.Current.CancellationToken);
        _homeAssistant = await StandInService.StartAsync(new HomeAssistantSurface(HaToken), TestContext.Current.CancellationToken);
        foreach (var dir in new[] { "data", "logs" })
        {
            Directory.CreateDirectory(_folder.File(dir));
            File.SetUnixFileMode(_folder.File(dir), (UnixFileMode)0b111_111_111);
        }

        File.SetUnixFileMode(_folder.Path, (UnixFileMode)0b111_101_101);
        await File.WriteAllTextAsync(_folder.File("config.local.yaml"), "server:\n  port: 3001\n  host: 0.0.0.0\njwt_secret: from-env\ndatabase:\n  path: ./data/pma.db\n", TestContext.Current.CancellationToken);
        var program = _folder.File("pma-server");
        File.CreateSymbolicLink(program, "/bin/sleep");
        _server = ChildProcess.Start(program, "600");
        // the example system with a logs component: the README's "logs: { kind: logs, paths: [...] }"
        var example = await File.ReadAllTextAsync(Path.Combine(MedicRun.Root, "examples", "pma", "medic.yaml"), TestContext.Current.CancellationToken);
        _system = _folder.File("medic.yaml");
        await File.WriteAllTextAsync(_system, example + "  logs:\n    kind: logs\n    paths:\n      - ${PMA_LOGS_DIR}/*.log\n", TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _server.Dispose();
        await _api.DisposeAsync();
        await _homeAssistant.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Recent_database_is_locked_errors_in_the_service_log_are_a_finding()
    {
        var now = DateTimeOffset.UtcNow;
        var lines = new List<string>();
        // two hours ago: outside the runbook's 15 minute window, so not counted
        lines.AddRange(Enumerable.Range(0, 5).Select(i => Line(now.AddHours(-2).AddSeconds(i), "error", "database is locked")));
        lines.AddRange(Enumerable.Range(0, 20).Select(i => Line(now.AddMinutes(-10).AddSeconds(i), "info", "request completed")));
        lines.AddRange(Enumerable.Range(0, 3).Select(i => Line(now.AddMinutes(-5).AddSeconds(i), "error", "database is locked")));
        await File.WriteAllLinesAsync(_folder.File("logs/pma.log"), lines, TestContext.Current.CancellationToken);

        var run = await DiagnoseAsync(await WalDatabaseAsync());

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
            _folder.File("logs/pma.log"),
            [.. Enumerable.Range(0, 20).Select(i => Line(now.AddMinutes(-10).AddSeconds(i), "info", "request completed"))],
            TestContext.Current.CancellationToken);

        var run = await DiagnoseAsync(await WalDatabaseAsync());

        run.ExitCode.ShouldBeInRange(0, 1, run.Stderr);
        run.AtWarningOrAbove().ShouldBeEmpty(run.Stdout);
        run.Stdout.ShouldContain("\"probe\": \"logs.scan\"");
    }

    private static string Line(DateTimeOffset t, string level, string msg) =>
        $"{t:MMM dd HH:mm:ss} pma-host pma-backend[901]: time={t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)} level={level} msg=\"{msg}\" table=entities";

    private Task<MedicRun> DiagnoseAsync(string db) => MedicRun.RunAsync(
        new Dictionary<string, string>
        {
            ["PMA_API_URL"] = _api.Url,
            ["PMA_DB_PATH"] = db,
            ["PMA_BUSY_TIMEOUT"] = "5s",
            ["PMA_TOKEN"] = Jwt.Hs256(Secret, DateTimeOffset.UtcNow.AddHours(1)),
            ["PMA_JWT_SECRET"] = Secret,
            ["PMA_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["PMA_DATA_DIR"] = _folder.File("data"),
            ["PMA_LOGS_DIR"] = _folder.File("logs"),
            ["PMA_USER"] = "nobody",
            ["PMA_CONFIG"] = _folder.File("config.local.yaml"),
            ["PMA_HA_URL"] = _homeAssistant.Url,
            ["PMA_HA_TOKEN"] = HaToken,
        },
        "diagnose", "-f", _system, "--format", "json");

    private async Task<string> WalDatabaseAsync()
    {
        var db = _folder.File($"pma-{Guid.NewGuid():N}.db");
        await SqliteCli.RunAsync(db, "PRAGMA journal_mode=WAL; CREATE TABLE entities(id TEXT);");
        Shell.Run("chown", "nobody", db).ShouldBeTrue(); // the service user (PMA_USER) must be able to write it
        return db;
    }
}
