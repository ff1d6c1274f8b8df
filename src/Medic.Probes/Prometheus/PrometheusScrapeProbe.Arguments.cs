using System.Globalization;
using System.Text.Json.Nodes;
using Medic.Core.Probing;

namespace Medic.Probes.Prometheus;

public sealed partial class PrometheusScrapeProbe
{
    private sealed record Arguments(List<MetricRequest>? Requests, IReadOnlyList<double> Quantiles, int MaxSeries, string? Error)
    {
        public static Arguments Invalid(string error) => new(null, [], 0, error);
    }

    private static Arguments ReadArguments(ProbeContext context)
    {
        List<MetricRequest>? requests = null;
        var texts = context.GetStrings("metrics");
        if (texts.Count > 0)
        {
            requests = [];
            foreach (var text in texts)
            {
                if (!MetricRequest.TryParse(text, out var request, out var error))
                {
                    return Arguments.Invalid($"metrics: {error}");
                }

                if (requests.Exists(r => r.Key == request.Key))
                {
                    return Arguments.Invalid($"metrics: two entries are both named '{request.Key}'; name one with alias=selector");
                }

                requests.Add(request);
            }
        }

        var quantiles = new List<double>();
        switch (context.Args["quantiles"])
        {
            case null:
                quantiles.AddRange(DefaultQuantiles);
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (Quantile(item) is not { } q)
                    {
                        return Arguments.Invalid($"quantiles: '{item?.ToJsonString()}' is not a number between 0 and 1");
                    }

                    quantiles.Add(q);
                }

                break;
            case var single:
                if (Quantile(single) is not { } one)
                {
                    return Arguments.Invalid($"quantiles: '{single.ToJsonString()}' is not a number between 0 and 1");
                }

                quantiles.Add(one);
                break;
        }

        var maxSeries = context.GetInt("max_series") ?? 100;
        if (maxSeries < 0)
        {
            return Arguments.Invalid("max_series must not be negative");
        }

        return new Arguments(requests, quantiles, (int)Math.Min(maxSeries, int.MaxValue), null);
    }

    private static double? Quantile(JsonNode? node)
    {
        if (node is not JsonValue v)
        {
            return null;
        }

        double q;
        if (v.TryGetValue<double>(out var d))
        {
            q = d;
        }
        else if (v.TryGetValue<long>(out var l))
        {
            q = l;
        }
        else if (v.TryGetValue<int>(out var i))
        {
            q = i;
        }
        else if (v.TryGetValue<string>(out var text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            q = parsed;
        }
        else
        {
            return null;
        }

        return q is >= 0 and <= 1 ? q : null;
    }
}
