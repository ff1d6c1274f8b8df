using System.Collections.Concurrent;
using Medic.Core.Model;
using Medic.Core.Probing;

namespace Medic.Core.Engine;

/// <summary>
/// Runs probe invocations in parallel (bounded), one at a time per component, each within its timeout, and the
/// whole set within the overall deadline. Every invocation yields exactly one observation; only the caller's
/// cancellation (Ctrl+C) escapes as an exception. Observations come from <paramref name="source"/> (live probes
/// by default, or stored ones), so the same path serves a live run and a bundle.
/// </summary>
public sealed class ProbeExecutor(TimeProvider time, IObservationSource? source = null)
{
    private readonly IObservationSource _source = source ?? LiveObservationSource.Instance;

    public async Task<IReadOnlyDictionary<string, Observation>> RunAsync(
        IReadOnlyList<ProbeInvocation> invocations,
        DiagnoseOptions options,
        IRunObserver observer,
        CancellationToken cancellationToken = default)
    {
        observer.Planned(invocations.Count);
        var results = new ConcurrentDictionary<string, Observation>(StringComparer.Ordinal);
        using var deadline = new CancellationTokenSource(options.Deadline, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var parallel = new SemaphoreSlim(Math.Max(1, options.MaxParallel));
        var perComponent = invocations.Select(i => i.Component.Name).Distinct(StringComparer.OrdinalIgnoreCase)
            .ToDictionary(n => n, _ => new SemaphoreSlim(1, 1), StringComparer.OrdinalIgnoreCase);
        try
        {
            var tasks = invocations.Select(i => RunOneAsync(i, perComponent[i.Component.Name], parallel, observer, linked.Token, results));
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        finally
        {
            foreach (var s in perComponent.Values)
            {
                s.Dispose();
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return results;
    }

    private async Task RunOneAsync(
        ProbeInvocation invocation,
        SemaphoreSlim componentGate,
        SemaphoreSlim parallel,
        IRunObserver observer,
        CancellationToken runToken,
        ConcurrentDictionary<string, Observation> results)
    {
        var queuedAt = time.GetUtcNow();
        try
        {
            await componentGate.WaitAsync(runToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            results[invocation.Key] = NotStarted(invocation, queuedAt);
            return;
        }

        try
        {
            try
            {
                await parallel.WaitAsync(runToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                results[invocation.Key] = NotStarted(invocation, queuedAt);
                return;
            }

            try
            {
                observer.ProbeStarted(invocation.Probe.Name, invocation.Component.Name);
                var observation = await _source.ObserveAsync(invocation, time, runToken).ConfigureAwait(false);
                results[invocation.Key] = observation;
                observer.ProbeFinished(observation);
            }
            finally
            {
                parallel.Release();
            }
        }
        finally
        {
            componentGate.Release();
        }
    }

    private static Observation NotStarted(ProbeInvocation invocation, DateTimeOffset at) =>
        new(invocation.Probe.Name, invocation.Component.Name, invocation.Args, at, 0, ObservationStatus.Timeout, null,
            new ProbeError(ErrorKinds.Timeout, "not started before the overall deadline"));
}
