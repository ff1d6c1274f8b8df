namespace Medic.Server.Metrics;

/// <summary>A thread-safe histogram with fixed upper bounds (seconds); counts are per bucket, not cumulative.</summary>
public sealed class Histogram(IReadOnlyList<double> bounds)
{
    public static IReadOnlyList<double> ProbeBounds { get; } = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public static IReadOnlyList<double> RunBounds { get; } = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly long[] _counts = new long[bounds.Count];
    private readonly Lock _gate = new();
    private long _count;
    private double _sum;

    public void Observe(double value)
    {
        lock (_gate)
        {
            for (var i = 0; i < bounds.Count; i++)
            {
                if (value <= bounds[i])
                {
                    _counts[i]++;
                    break;
                }
            }

            _count++;
            _sum += value;
        }
    }

    public HistogramSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new HistogramSnapshot(bounds, [.. _counts], _count, _sum);
        }
    }
}

/// <summary>A histogram's state at one moment.</summary>
public sealed record HistogramSnapshot(IReadOnlyList<double> Bounds, IReadOnlyList<long> Counts, long Count, double Sum);
