using System.Collections.Concurrent;
using Medic.Core.Probing;
using Medic.Core.Systems;

namespace Medic.Server.Scheduling;

/// <summary>
/// Per-component connection budgets for the whole server: at most <see cref="PerComponent"/> probes talk to one target
/// at once, whichever systems name it (a target is its kind and settings, so two system files naming the same database
/// share its budget). The same probe invocation never runs twice at once on a target: the second is skipped.
/// </summary>
public sealed class ComponentBudgets(int perComponent)
{
    public const string SkippedKind = "skipped";

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _running = new(StringComparer.Ordinal);
    private long _skipped;

    public int PerComponent => perComponent;

    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Every probe of <paramref name="registry"/>, each behind the budgets.</summary>
    public ProbeRegistry Wrap(ProbeRegistry registry) => new(registry.All.Select(p => new BudgetedProbe(p, this)));

    internal async Task<ProbeResult> RunAsync(IProbe probe, ProbeContext context, CancellationToken cancellationToken)
    {
        var target = Target(context.Component);
        var self = string.Join('\u001f', target, probe.Name, context.Args.ToJsonString());
        if (!_running.TryAdd(self, 0))
        {
            Interlocked.Increment(ref _skipped);
            return ProbeResult.Fail(SkippedKind, "skipped: previous still running");
        }

        try
        {
            var gate = _gates.GetOrAdd(target, _ => new SemaphoreSlim(perComponent, perComponent));
            if (!await WaitAsync(gate, context, cancellationToken).ConfigureAwait(false))
            {
                Interlocked.Increment(ref _skipped);
                return ProbeResult.Fail(SkippedKind, $"skipped: {perComponent} probe(s) of this component still running");
            }

            try
            {
                return await probe.RunAsync(context, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }
        finally
        {
            _running.TryRemove(self, out _);
        }
    }

    /// <summary>Waits for a slot at most the probe's own timeout, on the probe's clock.</summary>
    private static async Task<bool> WaitAsync(SemaphoreSlim gate, ProbeContext context, CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(context.Timeout, context.Time);
        using var both = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, cancellationToken);
        try
        {
            await gate.WaitAsync(both.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static string Target(Component component) => component.Kind + "\u001f" + component.BaseDirectory + "\u001f" + component.Settings.ToJsonString();
}
