using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Core.Systems;
using Medic.Server.Scheduling;
using Shouldly;
using Xunit;

namespace Medic.Server.Tests.Scheduling;

/// <summary>The budgets themselves; the probe is a small fake that holds until released, the one thing a real server cannot do on demand.</summary>
public sealed class ComponentBudgetsTests
{
    private static readonly Component Db = new("db", "postgres", new JsonObject { ["connection"] = "Host=x" }, "/", new SourcePosition("a.yaml", 1, 1));

    [Fact]
    public async Task The_same_probe_on_the_same_component_never_piles_up_behind_itself()
    {
        var budgets = new ComponentBudgets(2);
        var probe = new HeldProbe();
        var first = budgets.RunAsync(probe, Context(Db, "{}"), TestContext.Current.CancellationToken);

        var second = await budgets.RunAsync(probe, Context(Db, "{}"), TestContext.Current.CancellationToken);

        second.Error.ShouldBe(new ProbeError(ComponentBudgets.SkippedKind, "skipped: previous still running"));
        probe.Release.SetResult();
        (await first).Error.ShouldBeNull();
        budgets.Skipped.ShouldBe(1);
    }

    [Fact]
    public async Task At_most_the_budget_talks_to_one_component_and_the_rest_wait_for_a_slot()
    {
        var budgets = new ComponentBudgets(1);
        var probe = new HeldProbe();
        var first = budgets.RunAsync(probe, Context(Db, "{\"q\":1}"), TestContext.Current.CancellationToken);
        var second = budgets.RunAsync(probe, Context(Db, "{\"q\":2}"), TestContext.Current.CancellationToken);
        await Task.Delay(100, TestContext.Current.CancellationToken);

        probe.Running.ShouldBe(1);
        probe.Release.SetResult();
        (await first).Error.ShouldBeNull();
        (await second).Error.ShouldBeNull();
        probe.MaxRunning.ShouldBe(1);
    }

    [Fact]
    public async Task A_probe_that_gets_no_slot_within_its_timeout_is_skipped()
    {
        var budgets = new ComponentBudgets(1);
        var probe = new HeldProbe();
        var first = budgets.RunAsync(probe, Context(Db, "{\"q\":1}"), TestContext.Current.CancellationToken);

        var second = await budgets.RunAsync(probe, Context(Db, "{\"q\":2}", TimeSpan.FromMilliseconds(100)), TestContext.Current.CancellationToken);

        second.Error!.Kind.ShouldBe(ComponentBudgets.SkippedKind);
        second.Error.Message.ShouldBe("skipped: 1 probe(s) of this component still running");
        probe.Release.SetResult();
        await first;
    }

    private static ProbeContext Context(Component c, string args, TimeSpan? timeout = null) =>
        new(c, JsonNode.Parse(args)!.AsObject(), timeout ?? TimeSpan.FromSeconds(10), TimeProvider.System);

    private sealed class HeldProbe : IProbe
    {
        private int _running;
        private int _max;

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Running => Volatile.Read(ref _running);

        public int MaxRunning => Volatile.Read(ref _max);

        public string Name => "test.held";

        public string Description => "holds until released";

        public IReadOnlyList<string> Kinds => ["postgres"];

        public IReadOnlyList<ProbeParameter> Parameters => [];

        public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
        {
            var now = Interlocked.Increment(ref _running);
            InterlockedMax(now);
            await Release.Task.WaitAsync(cancellationToken);
            Interlocked.Decrement(ref _running);
            return ProbeResult.Ok(null);
        }

        private void InterlockedMax(int value)
        {
            int seen;
            while (value > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, value, seen) != seen)
            {
            }
        }
    }
}
