using System.Collections.Concurrent;
using Medic.Core.Model;
using Medic.Server.Store;

namespace Medic.Server.Scheduling;

/// <summary>
/// Runs every system on its interval with jitter. Each system has one loop, and a run asked for while the same system
/// is still running is skipped (<see cref="RunSkippedException"/>), so a run never piles up behind itself; a global
/// semaphore bounds how many runs are in flight at once. Every <see cref="ReloadEvery"/> the runner is refreshed and
/// loops start or stop for systems that appeared or went away.
/// </summary>
public sealed class Scheduler(ISystemRunner runner, HistoryStore store, TimeSpan interval, int concurrency, TimeProvider time)
{
    private readonly SemaphoreSlim _slots = new(concurrency, concurrency);
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CancellationTokenSource> _loops = new(StringComparer.Ordinal);
    private int _skipped;

    /// <summary>How often the configuration is checked for changes.</summary>
    public TimeSpan ReloadEvery { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Counts runs skipped because the previous run of the same system was still running.</summary>
    public int Skipped => Volatile.Read(ref _skipped);

    /// <summary>The systems that have a loop right now.</summary>
    public IReadOnlyList<string> Running
    {
        get
        {
            lock (_loops)
            {
                return [.. _loops.Keys];
            }
        }
    }

    /// <summary>Raised after a run is stored (alerts, metrics); a failing handler never stops the schedule.</summary>
    public event Action<Report>? RunRecorded;

    /// <summary>Counts runs that threw instead of producing a report.</summary>
    public int Failures { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var loops = new List<Task>();
        while (!cancellationToken.IsCancellationRequested)
        {
            Reconcile(loops, cancellationToken);
            try
            {
                await Task.Delay(ReloadEvery, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(loops).ConfigureAwait(false);
    }

    /// <summary>Runs one system now (within the concurrency limit) and records the run; returns the run id.</summary>
    public async Task<long> RunOnceAsync(string system, CancellationToken cancellationToken)
    {
        if (!_inFlight.TryAdd(system, 0))
        {
            Interlocked.Increment(ref _skipped);
            throw new RunSkippedException(system);
        }

        try
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _inFlight.TryRemove(system, out _);
            throw;
        }

        try
        {
            var (report, secrets) = await runner.RunAsync(system, cancellationToken).ConfigureAwait(false);
            var runId = store.RecordRun(report, secrets);
            Announce(report);
            return runId;
        }
        finally
        {
            _slots.Release();
            _inFlight.TryRemove(system, out _);
        }
    }

    /// <summary>A delay of <paramref name="interval"/> plus or minus up to 10%, so systems do not probe in lockstep.</summary>
    public static TimeSpan Jittered(TimeSpan interval, double unit) =>
        interval + TimeSpan.FromTicks((long)(interval.Ticks * 0.1 * ((unit * 2) - 1)));

    private void Reconcile(List<Task> loops, CancellationToken cancellationToken)
    {
        try
        {
            runner.Refresh();
        }
#pragma warning disable CA1031 // a failed refresh keeps the running configuration
        catch (Exception)
#pragma warning restore CA1031
        {
            Failures++;
        }

        var wanted = runner.Systems.ToHashSet(StringComparer.Ordinal);
        lock (_loops)
        {
            foreach (var gone in _loops.Keys.Where(k => !wanted.Contains(k)).ToList())
            {
                _loops[gone].Cancel();
                _loops.Remove(gone);
            }

            foreach (var added in wanted.Where(w => !_loops.ContainsKey(w)))
            {
                var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                _loops[added] = stop;
                loops.Add(LoopAsync(added, stop.Token));
            }
        }
    }

    private void Announce(Report report)
    {
        try
        {
            RunRecorded?.Invoke(report);
        }
#pragma warning disable CA1031 // a failing listener must not lose the run or stop the schedule
        catch (Exception)
#pragma warning restore CA1031
        {
            Failures++;
        }
    }

    private async Task LoopAsync(string system, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromTicks((long)(interval.Ticks * 0.1 * Random.Shared.NextDouble())), time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(system, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (RunSkippedException)
            {
                // counted in Skipped; the next tick comes at the usual interval
            }
#pragma warning disable CA1031 // one failing run must not stop the schedule
            catch (Exception)
#pragma warning restore CA1031
            {
                Failures++;
            }

            try
            {
                await Task.Delay(Jittered(interval, Random.Shared.NextDouble()), time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
