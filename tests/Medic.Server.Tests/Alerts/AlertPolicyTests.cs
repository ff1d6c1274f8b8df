using Medic.Core.Model;
using Medic.Server.Alerts;
using Shouldly;
using Xunit;

namespace Medic.Server.Tests.Alerts;

public sealed class AlertPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Opens_only_after_two_consecutive_runs_and_never_again_while_open()
    {
        var policy = new AlertPolicy(new AlertRules());

        policy.Observe(Run(0, Pool())).ShouldBeEmpty();
        var opened = policy.Observe(Run(1, Pool())).ShouldHaveSingleItem();
        opened.Event.ShouldBe(AlertEvent.Opened);
        opened.Cause.ShouldBe("exhausted");
        opened.Runs.ShouldBe(2);
        policy.Observe(Run(2, Pool())).ShouldBeEmpty();
        policy.Observe(Run(3, Pool())).ShouldBeEmpty();

        var resolved = policy.Observe(Run(4)).ShouldHaveSingleItem();
        resolved.Event.ShouldBe(AlertEvent.Resolved);
        policy.Observe(Run(5)).ShouldBeEmpty();
    }

    [Fact]
    public void A_finding_seen_once_never_alerts_at_all()
    {
        var policy = new AlertPolicy(new AlertRules());

        policy.Observe(Run(0, Pool())).ShouldBeEmpty();
        policy.Observe(Run(1)).ShouldBeEmpty();
        policy.Observe(Run(2)).ShouldBeEmpty();
    }

    [Fact]
    public void A_flapping_finding_alerts_once_as_flapping_then_stays_quiet_until_stable()
    {
        var policy = new AlertPolicy(new AlertRules(After: 1, FlapLimit: 3, Window: TimeSpan.FromMinutes(10)));
        var events = new List<AlertEvent>();
        for (var i = 0; i < 12; i++)
        {
            events.AddRange(i % 2 == 0 ? policy.Observe(Run(i, Pool())) : policy.Observe(Run(i)));
        }

        events.Select(e => e.Event).ShouldBe([AlertEvent.Opened, AlertEvent.Resolved, AlertEvent.Opened, AlertEvent.Flapping]);

        // Runs are 30 s apart: after ten quiet minutes the finding is stable again and its state is announced.
        var later = new List<AlertEvent>();
        for (var i = 12; i < 40; i++)
        {
            later.AddRange(policy.Observe(Run(i, Pool())));
        }

        later.ShouldHaveSingleItem().Event.ShouldBe(AlertEvent.Opened);
    }

    [Fact]
    public void After_a_restart_an_open_finding_that_already_alerted_is_not_announced_again()
    {
        var policy = new AlertPolicy(new AlertRules());
        policy.Seed([new Medic.Server.Store.StoredFinding(1, "shop", "db", "postgres.pool", "exhausted", "error", "Pool exhausted", "open", T0, T0, null, 3)]);

        policy.Observe(Run(0, Pool())).ShouldBeEmpty();
        policy.Observe(Run(1)).ShouldHaveSingleItem().Event.ShouldBe(AlertEvent.Resolved);
    }

    [Fact]
    public void Systems_are_tracked_apart()
    {
        var policy = new AlertPolicy(new AlertRules(After: 1));

        policy.Observe(Run(0, Pool())).ShouldHaveSingleItem();
        policy.Observe(Run(1, "other")).ShouldBeEmpty();
        policy.Observe(Run(2, Pool())).ShouldBeEmpty();
    }

    private static Finding Pool() =>
        new("postgres.pool", "exhausted", Severity.Error, 1, "db", "Pool exhausted", "x", [], "raise max_connections", []);

    private static Report Run(int i, params Finding[] findings) => Run(i, "shop", findings);

    private static Report Run(int i, string system, params Finding[] findings) =>
        new(system, T0.AddSeconds(30 * i), 1, new ReportSummary(0, findings.Length, 0, 0, 1, 0), findings, []);
}
