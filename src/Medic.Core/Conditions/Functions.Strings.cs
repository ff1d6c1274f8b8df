using System.Globalization;
using System.Text.RegularExpressions;

namespace Medic.Core.Conditions;

internal static partial class Functions
{
    private static Value Contains(CallArgs a)
    {
        var container = a[0];
        var item = a[1];
        return container.Kind switch
        {
            ValueKind.Null => Value.False,
            _ when Comparison.Contains(container, item) is { } found => Value.FromBool(found),
            _ => throw a.Error($"needs a string, list or object to look in, got {Describe.Of(container)} and {Describe.Of(item)}"),
        };
    }

    private static Value Affix(CallArgs a, bool start)
    {
        var text = a.String(0);
        var affix = a.String(1);
        if (text is null || affix is null)
        {
            return Value.Null;
        }

        return Value.FromBool(start ? text.StartsWith(affix, StringComparison.Ordinal) : text.EndsWith(affix, StringComparison.Ordinal));
    }

    private static Value Matches(CallArgs a)
    {
        var text = a.String(0);
        var pattern = a.String(1);
        if (text is null || pattern is null)
        {
            return Value.Null;
        }

        if (!RegexCache.TryGet(pattern, out var regex, out var problem))
        {
            throw a.Error($"invalid regex: {problem}");
        }

        try
        {
            return Value.FromBool(regex.IsMatch(text));
        }
        catch (RegexMatchTimeoutException)
        {
            throw a.Error($"the regex took longer than {RegexCache.Timeout.TotalMilliseconds} ms and was stopped");
        }
    }

    private static Value Case(CallArgs a, bool upper) => a.String(0) is { } text
        ? Value.FromString(upper ? text.ToUpperInvariant() : text.ToLowerInvariant())
        : Value.Null;

    private static Value ToText(CallArgs a) => a[0] is { IsNull: false } v ? Value.FromString(v.Format()) : Value.Null;

    private static Value ToNumber(CallArgs a)
    {
        var value = a[0];
        return value.Kind switch
        {
            ValueKind.Number or ValueKind.Duration or ValueKind.Size => Value.FromNumber(value.Number),
            ValueKind.String when TryParseNumber(value.Text, out var n) => Value.FromNumber(n),
            _ => Value.Null,
        };
    }

    private static bool TryParseNumber(string text, out double n) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out n) && double.IsFinite(n);
}
