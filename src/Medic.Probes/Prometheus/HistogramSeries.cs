namespace Medic.Probes.Prometheus;

/// <summary>One histogram series: the buckets, sum and count that share the same labels apart from <c>le</c>.</summary>
public sealed record HistogramSeries(LabelSet Labels, IReadOnlyList<Bucket> Buckets, double? Sum, double? Count)
{
    public double Quantile(double q) => HistogramQuantile.Compute(q, Buckets);

    internal static HistogramSeries From(string family, LabelSet labels, IReadOnlyList<Sample> samples) => new(
        labels,
        [.. samples.Where(s => s.Name == family + "_bucket" && MetricFamily.ParseBound(s.Labels["le"]) is not null)
            .Select(s => new Bucket(MetricFamily.ParseBound(s.Labels["le"])!.Value, s.Value))],
        samples.LastOrDefault(s => s.Name == family + "_sum")?.Value,
        samples.LastOrDefault(s => s.Name == family + "_count")?.Value);
}
