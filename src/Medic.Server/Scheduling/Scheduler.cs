using Medic.Core.Model;
using Medic.Server.Store;

namespace Medic.Server.Scheduling;

/// <summary>
/// Runs every system on its interval with jitter. Each system has one loop, so a run never piles up
/// behind itself; a global semaphore bounds how many runs are in flight at once.
/// </summary>
public sealed class Scheduler(ISystemRunner runner, HistoryStore store, TimeSpan interval, int concurrency, TimeProvider time)
{
    private readonly SemaphoreSlim _slots = new(concurrency, concurrency);

    /// <summary>Raised after a run is stored (alerts, metrics); a failing handler never stops the schedule.</summary>
    public event Action<Report>? RunRecorded;

    /// <summary>Counts runs that threw instead of producing a report.</summary>
    public int Failures { get; private set; }

    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(runner.Systems.Select(s => LoopAsync(s, cancellationToken)));

    /// <summary>Runs one system now (within the concurrency limit) and records the run; returns the run id.</summary>
    public async Task<long> RunOnceAsync(string system, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
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
        }
    }

    /// <summary>A delay of <paramref name="interval"/> plus or minus up to 10%, so systems do not probe in lockstep.</summary>
    public static TimeSpan Jittered(TimeSpan interval, double unit) =>
        interval + TimeSpan.FromTicks((long)(interval.Ticks * 0.1 * ((unit * 2) - 1)));

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
        await Task.Delay(TimeSpan.FromTicks((long)(interval.Ticks * 0.1 * Random.Shared.NextDouble())), time, cancellationToken).ConfigureAwait(false);
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
