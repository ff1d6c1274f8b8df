using System.Globalization;

namespace Medic.Probes.Prometheus;

/// <summary>
/// Reads the Prometheus text exposition format (0.0.4). A malformed line is recorded with its line and column and
/// skipped, so one bad line neither hides the rest of the page nor throws.
/// </summary>
public static partial class PrometheusTextParser
{
    public static Exposition Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var state = new ParseState();
        var lineNumber = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            lineNumber++;
            var line = text.AsSpan(range);
            if (line.Length > 0 && line[^1] == '\r')
            {
                line = line[..^1];
            }

            var start = 0;
            while (start < line.Length && line[start] is ' ' or '\t')
            {
                start++;
            }

            if (start == line.Length)
            {
                continue;
            }

            try
            {
                if (line[start] == '#')
                {
                    ReadComment(state, new LineCursor(line.ToString(), lineNumber, start + 1));
                }
                else
                {
                    ReadSample(state, new LineCursor(line.ToString(), lineNumber, start));
                }
            }
            catch (LineException e)
            {
                state.Errors.Add(new ParseError(lineNumber, e.Column, e.Message));
            }
        }

        return new Exposition(state.Families, state.Errors);
    }

    /// <summary>
    /// A sample value or bound as Go's ParseFloat reads it: decimals with exponents, and NaN, Inf, +Inf, -Inf in any case.
    /// </summary>
    public static bool TryParseValue(string? text, out double value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var body = text[0] is '+' or '-' ? text[1..] : text;
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = text[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        if (body.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }

        return body.Length > 0 && !body.AsSpan().ContainsAnyExcept("0123456789.eE+-")
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static MetricType? ParseType(string text) => text.ToUpperInvariant() switch
    {
        "COUNTER" => MetricType.Counter,
        "GAUGE" => MetricType.Gauge,
        "HISTOGRAM" => MetricType.Histogram,
        "SUMMARY" => MetricType.Summary,
        "UNTYPED" => MetricType.Untyped,
        _ => null,
    };

    private sealed class ParseState
    {
        public List<MetricFamily> Families { get; } = [];

        public Dictionary<string, MetricFamily> ByName { get; } = new(StringComparer.Ordinal);

        public List<ParseError> Errors { get; } = [];

        public MetricFamily Family(string name, int line)
        {
            if (!ByName.TryGetValue(name, out var family))
            {
                family = new MetricFamily(name, line);
                ByName[name] = family;
                Families.Add(family);
            }

            return family;
        }
    }

    private sealed class LineException(int column, string message) : Exception(message)
    {
        public int Column { get; } = column;
    }
}
