using System.Globalization;
using System.Text.RegularExpressions;

namespace Medic.Core.Model;

/// <summary>Parses the duration (<c>250ms</c>, <c>30s</c>, <c>5m</c>) and size (<c>512KB</c>, <c>1GB</c>) forms used in files.</summary>
public static partial class Quantities
{
    public static bool TryParseDuration(string text, out TimeSpan value)
    {
        value = default;
        var m = DurationPattern().Match(text.Trim());
        if (!m.Success || !double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        double ms = m.Groups[2].Value.ToLowerInvariant() switch
        {
            "" or "ms" => n,
            "s" => n * 1000,
            "m" => n * 60_000,
            "h" => n * 3_600_000,
            "d" => n * 86_400_000,
            _ => double.NaN,
        };
        if (double.IsNaN(ms) || ms > TimeSpan.MaxValue.TotalMilliseconds)
        {
            return false;
        }

        value = TimeSpan.FromMilliseconds(ms);
        return true;
    }

    public static bool TryParseSize(string text, out long bytes)
    {
        bytes = 0;
        var m = SizePattern().Match(text.Trim());
        if (!m.Success || !double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        double factor = m.Groups[2].Value.ToUpperInvariant() switch
        {
            "" or "B" => 1,
            "KB" or "KIB" or "K" => 1024d,
            "MB" or "MIB" or "M" => 1024d * 1024,
            "GB" or "GIB" or "G" => 1024d * 1024 * 1024,
            "TB" or "TIB" or "T" => 1024d * 1024 * 1024 * 1024,
            _ => double.NaN,
        };
        var result = n * factor;
        if (double.IsNaN(result) || result > long.MaxValue)
        {
            return false;
        }

        bytes = (long)result;
        return true;
    }

    public static string FormatDuration(TimeSpan d) => d.TotalMilliseconds switch
    {
        < 1000 => $"{d.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture)}ms",
        < 60_000 => $"{d.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture)}s",
        < 3_600_000 => $"{d.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture)}m",
        _ => $"{d.TotalHours.ToString("0.##", CultureInfo.InvariantCulture)}h",
    };

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB|K|M|G|T)?$", RegexOptions.IgnoreCase)]
    private static partial Regex SizePattern();
}
