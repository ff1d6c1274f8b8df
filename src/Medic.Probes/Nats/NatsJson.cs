using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Medic.Probes.Nats;

/// <summary>Reads the values nats-server writes: numbers that may be uint64 "unlimited", RFC 3339 times with nanoseconds.</summary>
internal static class NatsJson
{
    public static JsonNode? Get(JsonNode? node, string key) => node is JsonObject o && o.TryGetPropertyValue(key, out var v) ? v : null;

    /// <summary>A count or size; null when absent, and for -1 or 2^64-1, which nats-server uses for "no limit".</summary>
    public static long? Long(JsonNode? node)
    {
        if (node is not JsonValue v)
        {
            return null;
        }

        if (v.TryGetValue<long>(out var n))
        {
            return n < 0 ? null : n;
        }

        if (v.TryGetValue<double>(out var d) && d is >= 0 and < long.MaxValue)
        {
            return (long)d;
        }

        return null;
    }

    public static long? Long(JsonNode? node, string key) => Long(Get(node, key));

    /// <summary>A limit: positive values only, since 0 and -1 both mean "none" in stream and server configs.</summary>
    public static long? Limit(JsonNode? node, string key) => Long(node, key) is > 0 and var n ? n : null;

    public static double? Number(JsonNode? node, string key) =>
        Get(node, key) is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    public static string? String(JsonNode? node, string key) =>
        Get(node, key) is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static bool? Bool(JsonNode? node, string key) => Get(node, key) switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.True => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>used / limit rounded to 4 places; null without a limit.</summary>
    public static double? Ratio(long? used, long? limit) =>
        used is { } u && limit is > 0 and var l ? Math.Round((double)u / l, 4) : null;

    /// <summary>A time nats-server wrote; null when absent or the zero time Go writes for "never".</summary>
    public static DateTimeOffset? Time(JsonNode? node, string key)
    {
        if (String(node, key) is not { } text)
        {
            return null;
        }

        // .NET parses at most 7 fractional digits; Go writes up to 9.
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end - dot - 1 > 7)
            {
                text = text[..(dot + 8)] + text[end..];
            }
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) && t.Year > 1
            ? t
            : null;
    }

    /// <summary>Milliseconds from <paramref name="from"/> to <paramref name="to"/>, both read from the same server's clock.</summary>
    public static double? Between(DateTimeOffset? from, DateTimeOffset? to) =>
        from is { } f && to is { } t ? Math.Max(0, Math.Round((t - f).TotalMilliseconds, 1)) : null;

    public static string? Iso(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Copies a value as it is (strings, booleans, numbers), or nothing when absent.</summary>
    public static JsonNode? Copy(JsonNode? node, string key) => Get(node, key)?.DeepClone();
}
