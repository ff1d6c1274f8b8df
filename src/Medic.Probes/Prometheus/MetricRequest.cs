using System.Diagnostics.CodeAnalysis;

namespace Medic.Probes.Prometheus;

/// <summary>
/// One entry of the probe's <c>metrics</c> argument: a selector, optionally named with <c>alias=selector</c>
/// (<c>errors=http_requests_total{code=~"5.."}</c>); the key in the output is the alias or the metric name.
/// </summary>
internal sealed record MetricRequest(string Key, Selector Selector)
{
    public static bool TryParse(string text, [NotNullWhen(true)] out MetricRequest? request, [NotNullWhen(false)] out string? error)
    {
        request = null;
        string? alias = null;
        var selectorText = text;
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        var brace = text.IndexOf('{', StringComparison.Ordinal);
        if (eq > 0 && (brace < 0 || eq < brace) && (eq + 1 >= text.Length || text[eq + 1] != '~'))
        {
            alias = text[..eq].Trim();
            selectorText = text[(eq + 1)..];
            if (alias.Length == 0 || !alias.All(ch => LineCursor.IsNameChar(ch, first: false, allowColon: true)))
            {
                error = $"'{alias}' in '{text}' is not a valid name for a metric (letters, digits, _ and :)";
                return false;
            }
        }

        if (!Selector.TryParse(selectorText, out var selector, out error))
        {
            return false;
        }

        var key = alias ?? selector.Name;
        if (key is null)
        {
            error = $"selector '{text}' has no metric name; name it with alias=selector";
            return false;
        }

        request = new MetricRequest(key, selector);
        return true;
    }
}
