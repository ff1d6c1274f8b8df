namespace Medic.Logs.Triage;

/// <summary>
/// Durations in logarithmic buckets (about 1% wide above 1 ms, 10 µs below), so percentiles of any number of requests
/// take constant memory. The maximum is exact.
/// </summary>
public sealed class LatencyHistogram
{
    private const double Growth = 1.01;
    private static readonly double LogGrowth = Math.Log(Growth);
    private readonly Dictionary<int, long> _buckets = [];

    public long Count { get; private set; }

    public double MaxMs { get; private set; }

    public double SumMs { get; private set; }

    public void Add(double ms)
    {
        ms = Math.Max(ms, 0);
        var index = ms < 1 ? (int)(ms * 100) : 100 + (int)(Math.Log(ms) / LogGrowth);
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_buckets, index, out _)++;
        Count++;
        SumMs += ms;
        MaxMs = Math.Max(MaxMs, ms);
    }

    /// <summary>The value below which <paramref name="p"/> (0..1) of the durations fall.</summary>
    public double Percentile(double p)
    {
        if (Count == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(p * Count);
        long seen = 0;
        foreach (var (index, n) in _buckets.OrderBy(b => b.Key))
        {
            seen += n;
            if (seen >= rank)
            {
                return Math.Min(Upper(index), MaxMs);
            }
        }

        return MaxMs;
    }

    private static double Upper(int index) => index < 100 ? (index + 1) / 100.0 : Math.Pow(Growth, index - 100 + 1);
}
