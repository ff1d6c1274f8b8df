using Medic.Server.Store;

namespace Medic.Server.Scheduling;

/// <summary>Applies the retention policy at start and then every <see cref="Every"/>; a failing pass is counted and retried next time.</summary>
public sealed class RetentionLoop(HistoryStore store, RetentionPolicy policy, TimeProvider time)
{
    public static TimeSpan Every { get; } = TimeSpan.FromHours(1);

    public int Failures { get; private set; }

    public RetentionResult? Last { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                Last = store.ApplyRetention(time.GetUtcNow(), policy);
            }
#pragma warning disable CA1031 // the store may be briefly unreachable (PostgreSQL restart); try again next hour
            catch (Exception)
#pragma warning restore CA1031
            {
                Failures++;
            }

            try
            {
                await Task.Delay(Every, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
