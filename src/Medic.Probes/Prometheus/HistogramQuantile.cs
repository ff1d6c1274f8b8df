namespace Medic.Probes.Prometheus;

/// <summary>
/// PromQL's <c>histogram_quantile</c> over cumulative buckets: find the bucket holding the rank, interpolate
/// linearly inside it (from 0 for the first bucket when its bound is positive), and answer the highest finite bound
/// when the rank falls in the +Inf bucket.
/// </summary>
public static class HistogramQuantile
{
    /// <summary>
    /// The <paramref name="q"/>-quantile; NaN without a +Inf bucket, with fewer than two buckets or no observations;
    /// -Inf for q &lt; 0 and +Inf for q &gt; 1, as Prometheus answers.
    /// </summary>
    public static double Compute(double q, IEnumerable<Bucket> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        if (double.IsNaN(q))
        {
            return double.NaN;
        }

        if (q < 0)
        {
            return double.NegativeInfinity;
        }

        if (q > 1)
        {
            return double.PositiveInfinity;
        }

        var sorted = Coalesce(buckets);
        if (sorted.Count < 2 || !double.IsPositiveInfinity(sorted[^1].UpperBound))
        {
            return double.NaN;
        }

        // Counts scraped at slightly different moments can dip; cumulative counts never should.
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].Count < sorted[i - 1].Count)
            {
                sorted[i] = sorted[i] with { Count = sorted[i - 1].Count };
            }
        }

        var observations = sorted[^1].Count;
        if (observations == 0 || double.IsNaN(observations))
        {
            return double.NaN;
        }

        var rank = q * observations;
        var b = sorted.Count - 1;
        for (var i = 0; i < sorted.Count - 1; i++)
        {
            if (sorted[i].Count >= rank)
            {
                b = i;
                break;
            }
        }

        if (b == sorted.Count - 1)
        {
            return sorted[^2].UpperBound;
        }

        if (b == 0 && sorted[0].UpperBound <= 0)
        {
            return sorted[0].UpperBound;
        }

        var start = 0.0;
        var end = sorted[b].UpperBound;
        var count = sorted[b].Count;
        if (b > 0)
        {
            start = sorted[b - 1].UpperBound;
            count -= sorted[b - 1].Count;
            rank -= sorted[b - 1].Count;
        }

        return start + ((end - start) * (rank / count));
    }

    /// <summary>Sorted by bound; buckets with the same bound (from summed series) add up.</summary>
    private static List<Bucket> Coalesce(IEnumerable<Bucket> buckets)
    {
        var sorted = new List<Bucket>();
        foreach (var bucket in buckets.Where(b => !double.IsNaN(b.UpperBound)).OrderBy(b => b.UpperBound))
        {
            if (sorted.Count > 0 && sorted[^1].UpperBound == bucket.UpperBound)
            {
                sorted[^1] = sorted[^1] with { Count = sorted[^1].Count + bucket.Count };
            }
            else
            {
                sorted.Add(bucket);
            }
        }

        return sorted;
    }
}
