using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Medic.Probes.Redis;

/// <summary>Turns Redis's text values into typed JSON: numbers as numbers, <c>a=1,b=2</c> lists as objects.</summary>
internal static class RedisValues
{
    // Hex ids and versions that happen to be all digits must stay text.
    private static readonly FrozenSet<string> TextKeys = FrozenSet.Create(StringComparer.Ordinal,
        "redis_version", "redis_git_sha1", "redis_build_id", "run_id", "master_replid", "master_replid2",
        "executable", "config_file", "os", "gcc_version", "atomicvar_api", "multiplexing_api", "mem_allocator",
        "server_name", "valkey_version", "ip", "addr", "laddr", "name", "user");

    public static JsonNode? Scalar(string key, string raw)
    {
        if (TextKeys.Contains(key))
        {
            return JsonValue.Create(raw);
        }

        if (Number(raw) is { } number)
        {
            return number;
        }

        return JsonValue.Create(raw);
    }

    /// <summary>An INFO value: a scalar, or an object for the <c>k=v,k=v</c> form (keyspace, commandstats, replicas).</summary>
    public static JsonNode? Info(string key, string raw)
    {
        if (!TextKeys.Contains(key) && raw.Contains('=', StringComparison.Ordinal) && Pairs(raw) is { } pairs)
        {
            return pairs;
        }

        return Scalar(key, raw);
    }

    public static JsonValue? Number(string raw)
    {
        if (raw.Length is 0 or > 40)
        {
            return null;
        }

        var body = raw[0] == '-' ? raw.AsSpan(1) : raw.AsSpan();
        if (body.IsEmpty || !char.IsAsciiDigit(body[0]) || !char.IsAsciiDigit(body[^1]))
        {
            return null;
        }

        var dots = 0;
        foreach (var c in body)
        {
            if (c == '.')
            {
                dots++;
            }
            else if (!char.IsAsciiDigit(c))
            {
                return null;
            }
        }

        if (dots == 0 && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return JsonValue.Create(whole);
        }

        return dots <= 1 && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
            ? JsonValue.Create(real)
            : null;
    }

    private static JsonObject? Pairs(string raw)
    {
        var result = new JsonObject();
        foreach (var part in raw.Split(','))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return null;
            }

            var key = part[..eq];
            result[key] = Scalar(key, part[(eq + 1)..]);
        }

        return result;
    }
}
