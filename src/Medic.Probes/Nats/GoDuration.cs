using System.Globalization;

namespace Medic.Probes.Nats;

/// <summary>
/// Parses the durations nats-server prints: Go's <c>1h2m3.5s</c>, <c>350µs</c>, <c>1.2ms</c>, and its own uptime
/// form with days and years (<c>3d4h5m6s</c>, <c>1y2d</c>).
/// </summary>
internal static class GoDuration
{
    private static readonly (string Unit, double Ms)[] Units =
    [
        ("ns", 1e-6), ("us", 1e-3), ("µs", 1e-3), ("μs", 1e-3), ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000),
        ("d", 86_400_000), ("y", 365d * 86_400_000),
    ];

    /// <summary>Milliseconds, or null when the text is not a duration.</summary>
    public static double? Milliseconds(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = text.Trim();
        var sign = 1;
        if (s[0] is '-' or '+')
        {
            sign = s[0] == '-' ? -1 : 1;
            s = s[1..];
        }

        if (s == "0")
        {
            return 0;
        }

        double total = 0;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (i == start || !double.TryParse(s[start..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return null;
            }

            var unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.')
            {
                i++;
            }

            var unit = s[unitStart..i];
            var factor = Units.FirstOrDefault(u => u.Unit == unit).Ms;
            if (factor == 0)
            {
                return null;
            }

            total += number * factor;
        }

        return sign * Math.Round(total, 6);
    }
}
