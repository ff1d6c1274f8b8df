using Medic.Core.Model;
using Medic.Server.Store;
using Shouldly;
using Xunit;

namespace Medic.Server.Tests.Store;

public sealed class SqliteHistoryStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("medic-store-").FullName;

    private string DbPath => Path.Combine(_dir, "history.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Finding_opens_stays_open_then_resolves_with_first_last_seen_and_run_count()
    {
        using var store = new SqliteHistoryStore(DbPath);
        store.RecordRun(Run(T0, Pool()), SecretSet.Empty);
        store.RecordRun(Run(T0.AddSeconds(30), Pool()), SecretSet.Empty);

        var open = store.Findings("shop", StoredFinding.Open).ShouldHaveSingleItem();
        open.FirstSeen.ShouldBe(T0);
        open.LastSeen.ShouldBe(T0.AddSeconds(30));
        open.RunCount.ShouldBe(2);

        store.RecordRun(Run(T0.AddSeconds(60)), SecretSet.Empty);

        store.Findings("shop", StoredFinding.Open).ShouldBeEmpty();
        var resolved = store.Findings("shop", StoredFinding.Resolved).ShouldHaveSingleItem();
        resolved.Id.ShouldBe(open.Id);
        resolved.ResolvedAt.ShouldBe(T0.AddSeconds(60));
        resolved.RunCount.ShouldBe(2);
    }

    [Fact]
    public void A_cause_that_returns_after_resolving_opens_a_new_finding()
    {
        using var store = new SqliteHistoryStore(DbPath);
        store.RecordRun(Run(T0, Pool()), SecretSet.Empty);
        store.RecordRun(Run(T0.AddSeconds(30)), SecretSet.Empty);
        store.RecordRun(Run(T0.AddSeconds(60), Pool()), SecretSet.Empty);

        var all = store.Findings("shop");
        all.Select(f => f.Status).ShouldBe([StoredFinding.Resolved, StoredFinding.Open]);
        all[1].FirstSeen.ShouldBe(T0.AddSeconds(60));
    }

    [Fact]
    public void Runs_of_one_system_do_not_resolve_findings_of_another()
    {
        using var store = new SqliteHistoryStore(DbPath);
        store.RecordRun(Run(T0, Pool()), SecretSet.Empty);
        store.RecordRun(Run(T0.AddSeconds(5)) with { System = "billing" }, SecretSet.Empty);

        store.Findings("shop", StoredFinding.Open).Count.ShouldBe(1);
    }

    [Fact]
    public void History_survives_reopening_the_file_and_migrations_run_once()
    {
        long runId;
        using (var store = new SqliteHistoryStore(DbPath))
        {
            runId = store.RecordRun(Run(T0, Pool()), SecretSet.Empty);
        }

        using var again = new SqliteHistoryStore(DbPath);
        again.SchemaVersion.ShouldBe(Migrations.Steps.Count);
        again.Runs().ShouldHaveSingleItem().Id.ShouldBe(runId);
        again.RunReport(runId).ShouldNotBeNull().ShouldContain("\"system\": \"shop\"");
        again.RunReport(runId + 1).ShouldBeNull();
    }

    [Fact]
    public void Retention_deletes_old_runs_and_keeps_finding_history()
    {
        using var store = new SqliteHistoryStore(DbPath);
        store.RecordRun(Run(T0, Pool()), SecretSet.Empty);
        store.RecordRun(Run(T0.AddDays(10), Pool()), SecretSet.Empty);

        store.DeleteRunsBefore(T0.AddDays(5)).ShouldBe(1);

        store.Runs().ShouldHaveSingleItem().Started.ShouldBe(T0.AddDays(10));
        store.Findings().ShouldHaveSingleItem().RunCount.ShouldBe(2);
    }

    [Fact]
    public void The_file_is_in_wal_mode()
    {
        using (new SqliteHistoryStore(DbPath))
        {
            File.Exists(DbPath + "-wal").ShouldBeTrue();
        }
    }

    private static Finding Pool() => new(
        "postgres-pool", "pool-exhausted", Severity.Error, 0.9, "db", "Connection pool exhausted",
        "All connections are in use.", [], "Raise max_connections.", []);

    private static Report Run(DateTimeOffset started, params Finding[] findings) =>
        new("shop", started, 12.5, new ReportSummary(0, findings.Length, 0, 0, 3, 0), findings, []);
}
