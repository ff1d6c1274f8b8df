using System.Collections.Frozen;
using System.Globalization;

namespace Medic.Logs.Formats;

/// <summary>
/// Reads durations: Go/human strings with units (<c>1.5ms</c>, <c>2m3s</c>, <c>250 µs</c>), and bare numbers whose unit
/// comes from the key (<c>duration_ms</c>, <c>latency_us</c>, <c>request_time</c> in seconds). A bare integer of a
/// million or more under a unit-less key is read as nanoseconds (Go's slog writes time.Duration so); smaller ones as ms.
/// </summary>
public static class DurationValue
{
    private static readonly (string Suffix, double Ms)[] KeyUnits =
    [
        ("_ms", 1), ("_millis", 1), ("_milliseconds", 1), ("milliseconds", 1), ("_us", 0.001), ("_micros", 0.001),
        ("_microseconds", 0.001), ("_ns", 0.000001), ("_nanos", 0.000001), ("_nanoseconds", 0.000001), ("_s", 1000), ("_sec", 1000),
        ("_secs", 1000), ("_seconds", 1000),
    ];

    private static readonly string[] DurationStems = ["duration", "elapsed", "latency", "took", "response_time", "request_time", "time_taken", "runtime"];

    /// <summary>Every stem + unit suffix (the first pair that spells a key wins), and elapsedMilliseconds, ignoring case.</summary>
    private static readonly FrozenDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> KeyUnitLookup = KeyUnitTable().GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, double> KeyUnitTable()
    {
        var table = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var stem in DurationStems)
        {
            foreach (var (suffix, ms) in KeyUnits)
            {
                table.TryAdd(stem + suffix, ms);
            }
        }

        table.TryAdd("elapsedmilliseconds", 1);
        return table.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Milliseconds per unit a key implies (<c>duration_ms</c> → 1), or null when the key is not a duration with a unit.</summary>
    public static double? UnitOfKey(string key) => UnitOfKey(key.AsSpan());

    /// <summary>The same as <see cref="UnitOfKey(string)"/> for a key not made into a string.</summary>
    public static double? UnitOfKey(ReadOnlySpan<char> key)
    {
        if (RecentUnits.TryGet(key, out var unit))
        {
            return unit;
        }

        unit = KeyUnitLookup.TryGetValue(key, out var ms) ? ms : null;
        RecentUnits.Set(key, unit);
        return unit;
    }

    private static readonly RecentAnswers<double?> RecentUnits = new();

    public static TimeSpan? Parse(string key, ReadOnlySpan<char> value) => Parse(key.AsSpan(), value);

    /// <summary>The same as <see cref="Parse(string, ReadOnlySpan{char})"/> for a key not made into a string.</summary>
    public static TimeSpan? Parse(ReadOnlySpan<char> key, ReadOnlySpan<char> value)
    {
        value = value.Trim().Trim('"');
        if (value.IsEmpty || value is "-")
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return FromBare(key, number, value.Contains('.'));
        }

        return ParseWithUnits(value);
    }

    public static TimeSpan? FromBare(string key, double number, bool hasFraction) => FromBare(key.AsSpan(), number, hasFraction);

    /// <summary>The same as <see cref="FromBare(string, double, bool)"/> for a key not made into a string.</summary>
    public static TimeSpan? FromBare(ReadOnlySpan<char> key, double number, bool hasFraction)
    {
        if (number < 0 || double.IsNaN(number) || double.IsInfinity(number))
        {
            return null;
        }

        var unit = UnitOfKey(key);
        if (unit is null)
        {
            unit = IsAny(key, "request_time", "upstream_response_time", "response_time", "time_taken") ? 1000
                : IsAny(key, "elapsedmilliseconds") ? 1
                : !hasFraction && number >= 1_000_000 ? 0.000001
                : 1;
        }

        // a number too big for a TimeSpan is no duration (it used to stop the whole run with an OverflowException)
        var ms = number * unit.Value;
        return ms < TimeSpan.MaxValue.TotalMilliseconds ? TimeSpan.FromMilliseconds(ms) : null;
    }

    // ToLowerInvariant then an ordinal switch, as before, without the string
    private static bool IsAny(ReadOnlySpan<char> key, params ReadOnlySpan<string> names)
    {
        // invariant lower-casing maps a few non-ASCII letters (the Kelvin sign) to ASCII ones: those keys take the old way
        var lower = System.Text.Ascii.IsValid(key) ? null : key.ToString().ToLowerInvariant();
        foreach (var name in names)
        {
            if (lower is null ? key.Equals(name, StringComparison.OrdinalIgnoreCase) : lower == name)
            {
                return true;
            }
        }

        return false;
    }

    public static TimeSpan? FromSeconds(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0 ? TimeSpan.FromSeconds(s) : null;

    /// <summary>Go-style <c>1h2m3.5s</c>, <c>1.5ms</c>, <c>250µs</c>, <c>300 ns</c>, <c>2.1 sec</c>.</summary>
    public static TimeSpan? ParseWithUnits(ReadOnlySpan<char> text)
    {
        double totalMs = 0;
        var i = 0;
        var parts = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }

            if (i == start || !double.TryParse(text[start..i], NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            {
                return null;
            }

            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            var unitStart = i;
            while (i < text.Length && !char.IsAsciiDigit(text[i]) && text[i] != '.')
            {
                i++;
            }

            var ms = UnitMs(text[unitStart..i].Trim());
            if (ms is null)
            {
                return null;
            }

            totalMs += n * ms.Value;
            parts++;
        }

        return parts == 0 ? null : TimeSpan.FromMilliseconds(totalMs);
    }

    private static double? UnitMs(ReadOnlySpan<char> unit) => unit switch
    {
        "ns" => 0.000001,
        "us" or "µs" or "μs" => 0.001,
        "ms" or "msec" or "msecs" => 1,
        "s" or "sec" or "secs" or "second" or "seconds" => 1000,
        "m" or "min" or "mins" or "minute" or "minutes" => 60_000,
        "h" or "hr" or "hour" or "hours" => 3_600_000,
        _ => null,
    };
}
