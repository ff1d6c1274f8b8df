using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Scenarios;

/// <summary>The generic SQLite runbooks on real database files and a real second process.</summary>
public sealed class SqliteScenarioTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_writer_in_another_process_and_a_rollback_journal_are_both_named()
    {
        using var folder = new TempFolder();
        var db = folder.File("app.db");
        TestDatabases.Create(db, wal: false);
        using var writer = await SqliteCli.HoldAsync(db, "BEGIN IMMEDIATE; INSERT INTO jobs(name) VALUES ('x');");

        var report = await Scenario.DiagnoseAsync($"system: s\ncomponents:\n  db: {{ kind: sqlite, path: '{db}' }}\n", Ct);

        report.Causes().ShouldContain("sqlite.database-locked/lock-held-by-other-process");
        report.Causes().ShouldContain("sqlite.database-locked/journal-not-wal");
        report.Findings.First(f => f.Cause == "lock-held-by-other-process").Explanation.ShouldContain($"(PID {writer.Pid})");
    }

    [Fact]
    public async Task A_quiet_wal_database_with_a_busy_timeout_yields_no_finding()
    {
        using var folder = new TempFolder();
        var db = folder.File("app.db");
        TestDatabases.Create(db, wal: true);

        var report = await Scenario.DiagnoseAsync(
            $"system: s\ncomponents:\n  db: {{ kind: sqlite, path: '{db}', dsn: 'file:app.db?_busy_timeout=5000' }}\n", Ct);

        report.Findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_zero_busy_timeout_in_the_dsn_is_named()
    {
        using var folder = new TempFolder();
        var db = folder.File("app.db");
        TestDatabases.Create(db, wal: true);

        var report = await Scenario.DiagnoseAsync(
            $"system: s\ncomponents:\n  db: {{ kind: sqlite, path: '{db}', dsn: 'file:app.db?_busy_timeout=0' }}\n", Ct);

        report.Causes().ShouldBe(["sqlite.database-locked/busy-timeout-zero"]);
    }
}
