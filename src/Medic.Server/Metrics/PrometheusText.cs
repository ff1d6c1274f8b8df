using System.Globalization;
using System.Text;

namespace Medic.Server.Metrics;

/// <summary>Writes the Prometheus text exposition format 0.0.4: HELP/TYPE lines, escaped label values, Go-style floats.</summary>
public sealed class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly StringBuilder _out = new();

    public void Family(string name, string type, string help)
    {
        _out.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(help)).Append('\n');
        _out.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
    }

    public void Sample(string name, IReadOnlyList<(string Name, string Value)> labels, double value)
    {
        _out.Append(name);
        if (labels.Count > 0)
        {
            _out.Append('{');
            for (var i = 0; i < labels.Count; i++)
            {
                _out.Append(i == 0 ? "" : ",").Append(labels[i].Name).Append("=\"").Append(EscapeLabel(labels[i].Value)).Append('"');
            }

            _out.Append('}');
        }

        _out.Append(' ').Append(Number(value)).Append('\n');
    }

    /// <summary>Writes the <c>_bucket</c>, <c>_sum</c> and <c>_count</c> samples of one histogram series.</summary>
    public void Histogram(string name, IReadOnlyList<(string Name, string Value)> labels, HistogramSnapshot h)
    {
        ArgumentNullException.ThrowIfNull(h);
        long cumulative = 0;
        for (var i = 0; i < h.Bounds.Count; i++)
        {
            cumulative += h.Counts[i];
            Sample(name + "_bucket", [.. labels, ("le", Number(h.Bounds[i]))], cumulative);
        }

        Sample(name + "_bucket", [.. labels, ("le", "+Inf")], h.Count);
        Sample(name + "_sum", labels, h.Sum);
        Sample(name + "_count", labels, h.Count);
    }

    public override string ToString() => _out.ToString();

    public static string EscapeLabel(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    public static string EscapeHelp(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
