using Medic.Logs.Formats;

namespace Medic.Logs.Triage;

/// <summary>Durations from duration fields and access logs: overall and per-route percentiles, and the slowest requests.</summary>
public sealed class SlowRequestStats(int slowest)
{
    private const int MaxRoutes = 10_000;
    private readonly Dictionary<string, LatencyHistogram> _routes = new(StringComparer.Ordinal);
    private readonly PriorityQueue<SlowRequest, double> _slowest = new();
    private readonly Dictionary<string, LatencyHistogram> _byTemplate = new(ReferenceEqualityComparer.Instance);

    public LatencyHistogram Overall { get; } = new();

    public void Add(LogRecord record, string template)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Duration is not { } duration || record.IsContinuation)
        {
            return;
        }

        var ms = duration.TotalMilliseconds;
        Overall.Add(ms);
        // a template's text is one string object while the template lasts: look it up by reference before hashing it
        if (record.Path is not null || !_byTemplate.TryGetValue(template, out var histogram))
        {
            histogram = Route(record.Path is not null ? $"{record.Method ?? "-"} {record.Route ?? PathNormaliser.Normalise(record.Path)}" : template);
            if (record.Path is null)
            {
                if (_byTemplate.Count >= MaxRoutes * 4)
                {
                    _byTemplate.Clear();
                }

                _byTemplate[template] = histogram;
            }
        }

        histogram.Add(ms);
        if (slowest <= 0)
        {
            return;
        }

        if (_slowest.Count < slowest)
        {
            _slowest.Enqueue(Describe(record, ms), ms);
        }
        else if (_slowest.TryPeek(out _, out var least) && ms > least)
        {
            _slowest.DequeueEnqueue(Describe(record, ms), ms);
        }
    }

    private LatencyHistogram Route(string route)
    {
        if (_routes.TryGetValue(route, out var histogram))
        {
            return histogram;
        }

        if (_routes.Count >= MaxRoutes)
        {
            route = "(other)";
            histogram = _routes.GetValueOrDefault(route);
        }

        if (histogram is null)
        {
            histogram = new LatencyHistogram();
            _routes[route] = histogram;
        }

        return histogram;
    }

    public IReadOnlyList<RouteLatency> Routes(int top) =>
        [.. _routes.Select(r => Latency(r.Key, r.Value)).OrderByDescending(r => r.P95Ms).ThenByDescending(r => r.Count).Take(top)];

    public IReadOnlyList<SlowRequest> Slowest() =>
        [.. _slowest.UnorderedItems.Select(i => i.Element).OrderByDescending(r => r.DurationMs)];

    public static RouteLatency Latency(string route, LatencyHistogram h) =>
        new(route, h.Count, h.Percentile(0.5), h.Percentile(0.95), h.Percentile(0.99), h.MaxMs, h.Count == 0 ? 0 : h.SumMs / h.Count);

    private static SlowRequest Describe(LogRecord r, double ms) =>
        new(r.Source, r.LineNumber, r.Timestamp, ms, r.Method, r.Path, r.Status, r.RequestId, Shorten(r.Message));

    internal static string Shorten(string s) => s.Length <= 300 ? s : string.Concat(s.AsSpan(0, 297), "...");
}
