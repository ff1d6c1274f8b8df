using System.Globalization;
using System.Text;

namespace Medic.Probes.Prometheus;

/// <summary>Sample lines: <c>name{label="value",…} value [timestamp]</c>.</summary>
public static partial class PrometheusTextParser
{
    private static readonly string[] HistogramSuffixes = ["_bucket", "_sum", "_count", "_created"];
    private static readonly string[] SummarySuffixes = ["_sum", "_count", "_created"];

    private static void ReadSample(ParseState state, LineCursor c)
    {
        var name = c.ReadName(allowColon: true);
        if (name.Length == 0)
        {
            throw new LineException(c.Pos + 1, $"expected a metric name, found {c.Describe()}");
        }

        var labels = LabelSet.Empty;
        c.SkipBlanks();
        if (c.Peek() == '{')
        {
            labels = ReadLabels(c);
            c.SkipBlanks();
        }
        else if (!c.AtEnd && c.Text[c.Pos - 1] is not (' ' or '\t'))
        {
            throw new LineException(c.Pos + 1, $"unexpected {c.Describe()} in metric name '{name}'");
        }

        if (c.AtEnd)
        {
            throw new LineException(c.Pos + 1, $"sample '{name}' has no value");
        }

        var valueStart = c.Pos;
        var valueText = c.ReadToken();
        if (!TryParseValue(valueText, out var value))
        {
            throw new LineException(valueStart + 1, $"invalid sample value '{valueText}'");
        }

        c.SkipBlanks();
        long? timestamp = null;
        if (!c.AtEnd)
        {
            var tsStart = c.Pos;
            var tsText = c.ReadToken();
            if (!long.TryParse(tsText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ts))
            {
                throw new LineException(tsStart + 1, $"invalid timestamp '{tsText}' (milliseconds since the epoch)");
            }

            timestamp = ts;
            c.SkipBlanks();
            if (!c.AtEnd)
            {
                throw new LineException(c.Pos + 1, "unexpected text after the timestamp");
            }
        }

        var family = FamilyOf(state, name, c.Line);
        Validate(family, name, labels);
        family.Add(new Sample(name, labels, value, timestamp, c.Line));
    }

    private static LabelSet ReadLabels(LineCursor c)
    {
        c.Pos++;
        var labels = new List<Label>();
        while (true)
        {
            c.SkipBlanks();
            if (c.Peek() == '}')
            {
                c.Pos++;
                return new LabelSet(labels);
            }

            var nameStart = c.Pos;
            var name = c.ReadName(allowColon: false);
            if (name.Length == 0)
            {
                throw new LineException(c.Pos + 1, $"expected a label name, found {c.Describe()}");
            }

            if (labels.Exists(l => l.Name == name))
            {
                throw new LineException(nameStart + 1, $"label '{name}' appears twice");
            }

            c.SkipBlanks();
            Expect(c, '=', $"'=' after label name '{name}'");
            c.SkipBlanks();
            Expect(c, '"', $"a quoted value for label '{name}'");
            labels.Add(new Label(name, ReadLabelValue(c, name)));
            c.SkipBlanks();
            if (c.Peek() == ',')
            {
                c.Pos++;
                continue;
            }

            if (c.Peek() != '}')
            {
                throw new LineException(c.Pos + 1, $"expected ',' or '}}' after label '{name}', found {c.Describe()}");
            }
        }
    }

    private static string ReadLabelValue(LineCursor c, string label)
    {
        var start = c.Pos - 1;
        var sb = new StringBuilder();
        while (true)
        {
            if (c.AtEnd)
            {
                throw new LineException(start + 1, $"unterminated value for label '{label}'");
            }

            var ch = c.Text[c.Pos++];
            if (ch == '"')
            {
                return sb.ToString();
            }

            if (ch != '\\')
            {
                sb.Append(ch);
                continue;
            }

            var escaped = c.Peek();
            _ = escaped switch
            {
                '\\' => sb.Append('\\'),
                '"' => sb.Append('"'),
                'n' => sb.Append('\n'),
                _ => throw new LineException(c.Pos, $"invalid escape '\\{(c.AtEnd ? "" : escaped)}' in label '{label}' (valid: \\\\ \\\" \\n)"),
            };
            c.Pos++;
        }
    }

    private static void Expect(LineCursor c, char ch, string what)
    {
        if (c.Peek() != ch)
        {
            throw new LineException(c.Pos + 1, $"expected {what}, found {c.Describe()}");
        }

        c.Pos++;
    }

    /// <summary>The family a sample belongs to: its own name, or a histogram or summary it is a part of.</summary>
    private static MetricFamily FamilyOf(ParseState state, string name, int line)
    {
        if (state.ByName.TryGetValue(name, out var exact))
        {
            return exact;
        }

        foreach (var suffix in HistogramSuffixes.Append("_total"))
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal)
                && state.ByName.TryGetValue(name[..^suffix.Length], out var family)
                && (family.Type switch
                {
                    MetricType.Histogram => HistogramSuffixes.Contains(suffix),
                    MetricType.Summary => SummarySuffixes.Contains(suffix),
                    MetricType.Counter => suffix is "_total" or "_created",
                    _ => false,
                }))
            {
                return family;
            }
        }

        return state.Family(name, line);
    }

    private static void Validate(MetricFamily family, string name, LabelSet labels)
    {
        switch (family.Type)
        {
            case MetricType.Histogram when name == family.Name:
                throw new LineException(1, $"'{name}' is a histogram: its samples are {name}_bucket, {name}_sum and {name}_count");
            case MetricType.Histogram when name == family.Name + "_bucket":
                RequireBound(labels, "le", name);
                break;
            case MetricType.Summary when name == family.Name:
                RequireBound(labels, "quantile", name);
                break;
        }
    }

    private static void RequireBound(LabelSet labels, string label, string name)
    {
        var text = labels[label];
        if (text is null)
        {
            throw new LineException(1, $"sample '{name}' needs a '{label}' label");
        }

        if (!TryParseValue(text, out _))
        {
            throw new LineException(1, $"label {label}=\"{text}\" of '{name}' is not a number");
        }
    }
}
