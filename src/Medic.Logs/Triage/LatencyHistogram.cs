namespace Medic.Logs.Triage;

/// <summary>
/// Durations in logarithmic buckets (about 1% wide above 1 ms, 10 µs below), so percentiles of any number of requests
/// take constant memory. The maximum is exact.
/// </summary>
public sealed class LatencyHistogram
{
    private const double Growth = 1.01;
    private static readonly double LogGrowth = Math.Log(Growth);
    private const int DenseBuckets = 4096; // up to ~10^15 ms; the dictionary holds only what falls outside

    private readonly Dictionary<int, long> _buckets = [];
    private long[] _dense = [];

    public long Count { get; private set; }

    public double MaxMs { get; private set; }

    public double SumMs { get; private set; }

    public void Add(double ms)
    {
        ms = Math.Max(ms, 0);
        var index = ms < 1 ? (int)(ms * 100) : 100 + (int)(Math.Log(ms) / LogGrowth);
        if ((uint)index < DenseBuckets)
        {
            if (index >= _dense.Length)
            {
                Array.Resize(ref _dense, Math.Min(DenseBuckets, Math.Max(256, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)index + 1))));
            }

            _dense[index]++;
        }
        else
        {
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_buckets, index, out _)++;
        }

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
        foreach (var (index, n) in Buckets())
        {
            seen += n;
            if (seen >= rank)
            {
                return Math.Min(Upper(index), MaxMs);
            }
        }

        return MaxMs;
    }

    /// <summary>Non-empty buckets in index order.</summary>
    private IEnumerable<(int Index, long Count)> Buckets()
    {
        var dense = Enumerable.Range(0, _dense.Length).Where(i => _dense[i] > 0).Select(i => (i, _dense[i]));
        return dense.Concat(_buckets.Select(b => (b.Key, b.Value))).OrderBy(b => b.Item1);
    }

    private static double Upper(int index) => index < 100 ? (index + 1) / 100.0 : Math.Pow(Growth, index - 100 + 1);
}
