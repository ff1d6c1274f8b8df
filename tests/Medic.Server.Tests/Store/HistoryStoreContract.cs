using Medic.Core.Model;
using Medic.Server.Store;
using Shouldly;
using Xunit;

namespace Medic.Server.Tests.Store;

/// <summary>What every history store does, run on real SQLite and real PostgreSQL.</summary>
public abstract partial class HistoryStoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    protected static DateTimeOffset Start => T0;

    protected abstract HistoryStore Open();

    [Fact]
    public void Finding_opens_stays_open_then_resolves_with_first_last_seen_and_run_count()
    {
        using var store = Open();
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
        using var store = Open();
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
        using var store = Open();
        store.RecordRun(Run(T0, Pool()), SecretSet.Empty);
        store.RecordRun(Run(T0.AddSeconds(5)) with { System = "billing" }, SecretSet.Empty);

        store.Findings("shop", StoredFinding.Open).Count.ShouldBe(1);
    }

    [Fact]
    public void History_survives_reopening_the_file_and_migrations_run_once()
    {
        long runId;
        using (var store = Open())
        {
            runId = store.RecordRun(Run(T0, Pool()), SecretSet.Empty);
        }

        using var again = Open();
        again.SchemaVersion.ShouldBe(Migrations.Steps.Count);
        again.Runs().ShouldHaveSingleItem().Id.ShouldBe(runId);
        again.RunReport(runId).ShouldNotBeNull().ShouldContain("\"system\": \"shop\"");
        again.RunReport(runId + 1).ShouldBeNull();
    }

    [Fact]
    public void Retention_deletes_old_runs_and_keeps_finding_history()
    {
        using var store = Open();
        store.RecordRun(Run(T0, Pool()), SecretSet.Empty);
        store.RecordRun(Run(T0.AddDays(10), Pool()), SecretSet.Empty);

        store.DeleteRunsBefore(T0.AddDays(5)).ShouldBe(1);

        store.Runs().ShouldHaveSingleItem().Started.ShouldBe(T0.AddDays(10));
        store.Findings().ShouldHaveSingleItem().RunCount.ShouldBe(2);
    }

    [Fact]
    public void Retention_keeps_recent_runs_thins_older_ones_to_one_an_hour_and_drops_the_oldest()
    {
        using var store = Open();
        var now = T0.AddDays(40);
        foreach (var t in new[] { now.AddDays(-35), now.AddDays(-3).AddMinutes(1), now.AddDays(-3).AddMinutes(20), now.AddDays(-3).AddMinutes(40), now.AddHours(-2), now.AddHours(-1.9) })
        {
            store.RecordRun(Run(t, Pool()), SecretSet.Empty);
            store.RecordRun(Run(t) with { System = "billing" }, SecretSet.Empty);
        }

        var result = store.ApplyRetention(now, new RetentionPolicy(TimeSpan.FromHours(24), TimeSpan.FromDays(30)));

        result.ShouldBe(new RetentionResult(DownSampled: 4, Dropped: 2));
        store.Runs("shop").Select(r => r.Started).ShouldBe([now.AddDays(-3).AddMinutes(40), now.AddHours(-2), now.AddHours(-1.9)]);
        store.Runs("billing").Count.ShouldBe(3);
        store.Findings("shop").ShouldHaveSingleItem().RunCount.ShouldBe(6);
        store.ApplyRetention(now, new RetentionPolicy(TimeSpan.FromHours(24), TimeSpan.FromDays(30))).ShouldBe(new RetentionResult(0, 0));
    }

    protected static Finding Pool() => new(
        "postgres-pool", "pool-exhausted", Severity.Error, 0.9, "db", "Connection pool exhausted",
        "All connections are in use.", [], "Raise max_connections.", []);

    protected static Report Run(DateTimeOffset started, params Finding[] findings) =>
        new("shop", started, 12.5, new ReportSummary(0, findings.Length, 0, 0, 3, 0), findings, []);
}
