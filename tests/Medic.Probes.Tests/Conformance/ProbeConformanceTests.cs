using System.Diagnostics;
using System.Text.Json.Nodes;
using Medic.Core.Engine;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Core.Systems;
using Medic.Probes.Tests.NetSupport;
using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Conformance;

/// <summary>
/// What every registered probe owes the engine, checked the same way for each: it ends within its timeout against a
/// target that never answers, reports an absent target as an observation rather than throw, and stops when cancelled.
/// </summary>
public sealed class ProbeConformanceTests : IDisposable
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> AllProbes { get; } = new(BuiltInProbes.All().Select(p => p.Name));

    public static TheoryData<string> NetworkProbes { get; } =
        new(BuiltInProbes.All().Select(p => p.Name).Where(n => ConformanceTargets.Table.TryGetValue(n, out var t) && t.Silent is not null));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Every_registered_probe_has_a_conformance_target()
    {
        var names = BuiltInProbes.All().Select(p => p.Name).ToList();

        names.Where(n => !ConformanceTargets.Table.ContainsKey(n)).ShouldBeEmpty("probes without a row in ConformanceTargets");
        ConformanceTargets.Table.Keys.Where(n => !names.Contains(n)).ShouldBeEmpty("rows for probes that are not registered");
    }

    [Theory]
    [MemberData(nameof(AllProbes))]
    public void Is_registered_once_for_the_kind_of_its_target_with_described_parameters(string name)
    {
        var (probe, target) = Row(name);
        var kind = target.Absent(new TargetPlace(_folder.Path, LoopbackPorts.Closed())).Kind;

        BuiltInProbes.All().Count(p => p.Name == name).ShouldBe(1);
        probe.Kinds.ShouldContain(kind);
        probe.Kinds.ShouldAllBe(k => BuiltInKinds.Registry().Find(k) != null);
        probe.Description.ShouldNotBeNullOrWhiteSpace();
        probe.Parameters.ShouldAllBe(p => p.Name == p.Name.ToLowerInvariant() && p.Description.Length > 0);
    }

    [Theory]
    [MemberData(nameof(AllProbes))]
    public async Task Reports_an_absent_target_as_an_observation_not_an_exception(string name)
    {
        var (probe, target) = Row(name);
        var component = target.Absent(new TargetPlace(_folder.Path, LoopbackPorts.Closed()));

        var result = await probe.RunAsync(new ProbeContext(component, target.FreshArgs(), Generous, TimeProvider.System), Ct)
            .WaitAsync(Generous, Ct);

        target.OnAbsent(result);
    }

    [Theory]
    [MemberData(nameof(AllProbes))]
    public async Task Honours_an_already_cancelled_token(string name)
    {
        var (probe, target) = Row(name);
        var component = target.Absent(new TargetPlace(_folder.Path, LoopbackPorts.Closed()));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() =>
            probe.RunAsync(new ProbeContext(component, target.FreshArgs(), Generous, TimeProvider.System), cancelled.Token).WaitAsync(Generous, Ct));
    }

    [Theory]
    [MemberData(nameof(NetworkProbes))]
    public async Task Ends_by_itself_within_its_timeout_against_a_target_that_never_answers(string name)
    {
        var (probe, target) = Row(name);
        using var silent = await OpenSilentAsync(target);
        var component = SilentComponent(target, silent);
        var clock = Stopwatch.StartNew();

        // No token: the probe must honour ProbeContext.Timeout on its own, not rely on the engine.
        var result = await probe.RunAsync(new ProbeContext(component, target.FreshArgs(), ShortTimeout, TimeProvider.System), CancellationToken.None)
            .WaitAsync(Generous, Ct);

        clock.Elapsed.ShouldBeLessThan(Generous);
        target.OnSilent!(result);
    }

    [Theory]
    [MemberData(nameof(NetworkProbes))]
    public async Task Stops_promptly_when_cancelled_while_waiting_on_a_silent_target(string name)
    {
        var (probe, target) = Row(name);
        using var silent = await OpenSilentAsync(target);
        var component = SilentComponent(target, silent);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        var run = probe.RunAsync(new ProbeContext(component, target.FreshArgs(), TimeSpan.FromMinutes(5), TimeProvider.System), cts.Token);

        await Should.ThrowAsync<OperationCanceledException>(() => run.WaitAsync(Generous, Ct));
        clock.Elapsed.ShouldBeLessThan(Generous);
    }

    [Theory]
    [MemberData(nameof(NetworkProbes))]
    public async Task When_the_engines_timeout_ends_it_first_the_observation_still_names_its_target(string name)
    {
        var (probe, target) = Row(name);
        using var silent = await OpenSilentAsync(target);
        var component = SilentComponent(target, silent);
        // The probe is given five minutes and the engine waits 300 ms, so the engine's timeout always comes first.
        var late = new LongerDeadline(probe, TimeSpan.FromMinutes(5));
        var invocation = new ProbeInvocation(late, component, target.FreshArgs(), TimeSpan.FromMilliseconds(300));

        var observation = await ProbeRunner.RunAsync(invocation, TimeProvider.System, Ct).WaitAsync(Generous, Ct);

        observation.Status.ShouldBe(ObservationStatus.Timeout);
        observation.Error!.Message.ShouldStartWith("no answer from ");
        observation.Error.Message.ShouldEndWith(" within 300ms");
        observation.Error.Message.ShouldNotContain("null");
        observation.Data.ShouldBeOfType<JsonObject>().Count.ShouldBeGreaterThan(0);
    }

    private static (IProbe Probe, ConformanceTarget Target) Row(string name) =>
        (BuiltInProbes.Registry().Find(name).ShouldNotBeNull(), ConformanceTargets.Table[name]);

    private Component SilentComponent(ConformanceTarget target, SilentListener silent) =>
        target.Silent!(new TargetPlace(_folder.Path, silent.Port));

    private static Task<SilentListener> OpenSilentAsync(ConformanceTarget target) =>
        target.Blackholed ? SilentListener.BlackholedAsync(Ct) : Task.FromResult(SilentListener.Accepting());
}
