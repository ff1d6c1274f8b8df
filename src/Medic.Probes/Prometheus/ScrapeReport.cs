using System.Globalization;
using System.Text.Json.Nodes;

namespace Medic.Probes.Prometheus;

/// <summary>Turns a parsed page and the requested metrics into the probe's JSON observation.</summary>
internal static class ScrapeReport
{
    public static JsonObject Metrics(Exposition exposition, IReadOnlyList<MetricRequest> requests, IReadOnlyList<double> quantiles, int maxSeries)
    {
        var metrics = new JsonObject();
        foreach (var request in requests)
        {
            metrics[request.Key] = Metric(exposition, request.Selector, quantiles, maxSeries);
        }

        return metrics;
    }

    public static JsonObject? Error(ParseError? error) => error is null ? null : new JsonObject
    {
        ["line"] = error.Line,
        ["column"] = error.Column,
        ["message"] = error.Message,
    };

    /// <summary>A JSON number, or the Prometheus spelling ("NaN", "+Inf", "-Inf") for values JSON cannot hold.</summary>
    public static JsonNode Number(double value) => double.IsFinite(value)
        ? JsonValue.Create(value)
        : JsonValue.Create(double.IsNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf");

    public static string Key(double q) => q.ToString("R", CultureInfo.InvariantCulture);

    private static JsonObject Metric(Exposition exposition, Selector selector, IReadOnlyList<double> quantiles, int maxSeries)
    {
        var matched = exposition.Select(selector).ToList();
        var family = matched.Count > 0 ? matched[0].Family : selector.Name is { } n ? exposition.Find(n) : null;
        var result = new JsonObject
        {
            ["found"] = matched.Count > 0,
            ["name"] = family?.Name,
            ["type"] = family?.Type.ToString().ToLowerInvariant(),
            ["help"] = family?.Help,
        };
        var samples = matched.Select(m => m.Sample).ToList();
        var whole = family is not null && selector.Name == family.Name && matched.All(m => m.Family == family);
        List<JsonObject> series;
        if (whole && family!.Type == MetricType.Histogram)
        {
            var histograms = MetricFamily.Group(samples, "le", (labels, s) => HistogramSeries.From(family.Name, labels, s));
            series = [.. histograms.Select(h => HistogramJson(h, quantiles))];
            result["total"] = histograms.Sum(h => h.Count ?? 0);
            result["quantiles"] = Quantiles(quantiles, q => HistogramQuantile.Compute(q, histograms.SelectMany(h => h.Buckets)));
        }
        else if (whole && family!.Type == MetricType.Summary)
        {
            var summaries = MetricFamily.Group(samples, "quantile", (labels, s) => SummarySeries.From(family.Name, labels, s));
            series = [.. summaries.Select(SummaryJson)];
            result["total"] = summaries.Sum(s => s.Count ?? 0);

            // Quantiles of different summary series cannot be combined; a single series speaks for the metric.
            result["quantiles"] = summaries.Count == 1 ? SummaryQuantiles(summaries[0]) : null;
        }
        else
        {
            var named = selector.Name is null || samples.Any(s => s.Name != selector.Name);
            series = [.. samples.Select(s => SampleJson(s, named))];
            result["total"] = samples.Where(s => double.IsFinite(s.Value)).Sum(s => s.Value);
        }

        result["series_count"] = series.Count;
        result["series"] = new JsonArray([.. series.Take(maxSeries)]);
        if (series.Count > maxSeries)
        {
            result["truncated"] = true;
        }

        return result;
    }

    private static JsonObject HistogramJson(HistogramSeries h, IReadOnlyList<double> quantiles) => new()
    {
        ["labels"] = Labels(h.Labels),
        ["count"] = Optional(h.Count),
        ["sum"] = Optional(h.Sum),
        ["buckets"] = new JsonArray([.. h.Buckets.Select(b => new JsonObject { ["le"] = Number(b.UpperBound), ["count"] = Number(b.Count) })]),
        ["quantiles"] = Quantiles(quantiles, h.Quantile),
    };

    private static JsonObject SummaryJson(SummarySeries s) => new()
    {
        ["labels"] = Labels(s.Labels),
        ["count"] = Optional(s.Count),
        ["sum"] = Optional(s.Sum),
        ["quantiles"] = SummaryQuantiles(s),
    };

    private static JsonObject SampleJson(Sample s, bool named)
    {
        var o = new JsonObject();
        if (named)
        {
            o["name"] = s.Name;
        }

        o["labels"] = Labels(s.Labels);
        o["value"] = Number(s.Value);
        if (s.TimestampMs is { } ts)
        {
            o["timestamp_ms"] = ts;
        }

        return o;
    }

    private static JsonObject SummaryQuantiles(SummarySeries s)
    {
        var o = new JsonObject();
        foreach (var (q, v) in s.Quantiles)
        {
            o[Key(q)] = double.IsNaN(v) ? null : Number(v);
        }

        return o;
    }

    /// <summary>Quantiles by their text ("0.99"); null where there is nothing to interpolate (no observations).</summary>
    private static JsonObject Quantiles(IReadOnlyList<double> quantiles, Func<double, double> compute)
    {
        var o = new JsonObject();
        foreach (var q in quantiles)
        {
            var v = compute(q);
            o[Key(q)] = double.IsNaN(v) ? null : Number(v);
        }

        return o;
    }

    private static JsonObject Labels(LabelSet labels)
    {
        var o = new JsonObject();
        foreach (var l in labels)
        {
            o[l.Name] = l.Value;
        }

        return o;
    }

    private static JsonNode? Optional(double? value) => value is { } v ? Number(v) : null;
}
