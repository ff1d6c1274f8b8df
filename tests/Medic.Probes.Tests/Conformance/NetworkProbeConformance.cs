using System.Diagnostics;
using System.Text.Json.Nodes;
using Medic.Core.Engine;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Core.Systems;
using Medic.Probes.Tests.NetSupport;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Conformance;

/// <summary>
/// What every network probe must do, whatever it speaks: end within its timeout against a target that never
/// answers, report an absent target as an error rather than throw, and stop when cancelled. A probe joins by
/// deriving a sealed class that says how to point a component at a loopback endpoint.
/// </summary>
public abstract class NetworkProbeConformance
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract IProbe CreateProbe();

    /// <summary>A component of the probe's kind aimed at 127.0.0.1:<paramref name="port"/>.</summary>
    protected abstract Component ComponentAt(int port);

    protected virtual JsonObject Args() => [];

    /// <summary>A local target that never answers this probe: by default a listener that accepts and stays silent.</summary>
    protected virtual Task<SilentListener> OpenSilentTargetAsync() => Task.FromResult(SilentListener.Accepting());

    [Fact]
    public async Task Ends_by_itself_within_its_timeout_against_a_target_that_never_answers()
    {
        using var silent = await OpenSilentTargetAsync();
        var clock = Stopwatch.StartNew();

        // No token: the probe must honour ProbeContext.Timeout on its own, not rely on the engine.
        var result = await CreateProbe().RunAsync(new ProbeContext(ComponentAt(silent.Port), Args(), ShortTimeout, TimeProvider.System), CancellationToken.None)
            .WaitAsync(Generous, Ct);

        clock.Elapsed.ShouldBeLessThan(Generous);
        result.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.Timeout);
    }

    [Fact]
    public async Task The_engine_reports_timeout_against_a_target_that_never_answers()
    {
        using var silent = await OpenSilentTargetAsync();
        var invocation = new ProbeInvocation(CreateProbe(), ComponentAt(silent.Port), Args(), ShortTimeout);
        var clock = Stopwatch.StartNew();

        var observation = await ProbeRunner.RunAsync(invocation, TimeProvider.System, Ct);

        clock.Elapsed.ShouldBeLessThan(Generous);
        observation.Status.ShouldBe(ObservationStatus.Timeout);
    }

    [Fact]
    public async Task Returns_an_error_not_an_exception_when_nothing_listens()
    {
        var port = LoopbackPorts.Closed();

        var result = await CreateProbe().RunAsync(new ProbeContext(ComponentAt(port), Args(), Generous, TimeProvider.System), Ct);

        result.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.ConnectionRefused);
        result.Error.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Stops_promptly_when_cancelled()
    {
        using var silent = await OpenSilentTargetAsync();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        var run = CreateProbe().RunAsync(new ProbeContext(ComponentAt(silent.Port), Args(), TimeSpan.FromMinutes(5), TimeProvider.System), cts.Token);

        await Should.ThrowAsync<OperationCanceledException>(() => run.WaitAsync(Generous, Ct));
        clock.Elapsed.ShouldBeLessThan(Generous);
    }
}
