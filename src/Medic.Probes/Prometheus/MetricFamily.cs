namespace Medic.Probes.Prometheus;

/// <summary>
/// A metric family: the samples under one name, with its <c># TYPE</c> and <c># HELP</c>. A histogram's or summary's
/// family also holds its <c>_bucket</c>, <c>_sum</c> and <c>_count</c> samples.
/// </summary>
public sealed class MetricFamily
{
    private readonly List<Sample> _samples = [];

    internal MetricFamily(string name, int line)
    {
        Name = name;
        Line = line;
    }

    public string Name { get; }

    public MetricType Type { get; internal set; }

    public string? Help { get; internal set; }

    /// <summary>The line where the family first appears.</summary>
    public int Line { get; }

    public IReadOnlyList<Sample> Samples => _samples;

    internal bool TypeDeclared { get; set; }

    internal void Add(Sample sample) => _samples.Add(sample);

    /// <summary>The histogram series of this family (empty unless it is a histogram).</summary>
    public IReadOnlyList<HistogramSeries> Histograms() =>
        Type != MetricType.Histogram ? [] : Group(_samples, "le", (labels, samples) => HistogramSeries.From(Name, labels, samples));

    /// <summary>The summary series of this family (empty unless it is a summary).</summary>
    public IReadOnlyList<SummarySeries> Summaries() =>
        Type != MetricType.Summary ? [] : Group(_samples, "quantile", (labels, samples) => SummarySeries.From(Name, labels, samples));

    /// <summary>Groups samples by their labels apart from <paramref name="label"/>, in order of first appearance.</summary>
    internal static List<T> Group<T>(IEnumerable<Sample> samples, string label, Func<LabelSet, IReadOnlyList<Sample>, T> make)
    {
        var groups = new Dictionary<LabelSet, List<Sample>>();
        var order = new List<LabelSet>();
        foreach (var sample in samples)
        {
            var key = sample.Labels.Without(label);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
                order.Add(key);
            }

            list.Add(sample);
        }

        return [.. order.Select(key => make(key, groups[key]))];
    }

    internal static double? ParseBound(string? text) => PrometheusTextParser.TryParseValue(text, out var v) ? v : null;
}
