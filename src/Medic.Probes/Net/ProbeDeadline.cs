namespace Medic.Probes.Net;

/// <summary>The time a network probe gives itself: a little under the engine's timeout, so it can still report what it saw.</summary>
internal static class ProbeDeadline
{
    public static TimeSpan Budget(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero || timeout == Timeout.InfiniteTimeSpan)
        {
            return Timeout.InfiniteTimeSpan;
        }

        var margin = TimeSpan.FromTicks(Math.Min(timeout.Ticks / 10, TimeSpan.FromMilliseconds(250).Ticks));
        return timeout - margin;
    }

    public static double Milliseconds(TimeSpan elapsed) => Math.Round(elapsed.TotalMilliseconds, 1);
}
