namespace Medic.Probes.Prometheus;

/// <summary>One summary series: the quantiles, sum and count that share the same labels apart from <c>quantile</c>.</summary>
public sealed record SummarySeries(LabelSet Labels, IReadOnlyList<KeyValuePair<double, double>> Quantiles, double? Sum, double? Count)
{
    internal static SummarySeries From(string family, LabelSet labels, IReadOnlyList<Sample> samples) => new(
        labels,
        [.. samples.Where(s => s.Name == family && MetricFamily.ParseBound(s.Labels["quantile"]) is not null)
            .Select(s => new KeyValuePair<double, double>(MetricFamily.ParseBound(s.Labels["quantile"])!.Value, s.Value))],
        samples.LastOrDefault(s => s.Name == family + "_sum")?.Value,
        samples.LastOrDefault(s => s.Name == family + "_count")?.Value);
}
