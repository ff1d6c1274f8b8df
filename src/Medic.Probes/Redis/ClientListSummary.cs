using System.Globalization;
using System.Text.Json.Nodes;

namespace Medic.Probes.Redis;

/// <summary>
/// Summarises CLIENT LIST: counts by name, command, user and IP, idle-time buckets, blocked and pub/sub clients,
/// buffer sizes, and the longest-idle few. Addresses appear only as ip:port; every map keeps its largest entries.
/// </summary>
internal static class ClientListSummary
{
    private const int MaxMapEntries = 20;
    private const int LongestIdle = 5;

    private static readonly (string Name, long From, long To)[] IdleBuckets =
    [
        ("under_1s", 0, 0), ("1s_to_1m", 1, 59), ("1m_to_10m", 60, 599), ("10m_to_1h", 600, 3599), ("over_1h", 3600, long.MaxValue),
    ];

    public static JsonObject Summarise(string clientList, long? selfId)
    {
        var clients = Parse(clientList).Where(c => selfId is null || Number(c, "id") != selfId).ToList();
        var idle = new JsonObject();
        foreach (var (name, from, to) in IdleBuckets)
        {
            idle[name] = clients.Count(c => Number(c, "idle") is { } s && s >= from && s <= to);
        }

        return new JsonObject
        {
            ["total"] = clients.Count,
            ["by_name"] = Counts(clients, c => Text(c, "name") is { Length: > 0 } n ? n : "(unnamed)"),
            ["by_cmd"] = Counts(clients, c => Text(c, "cmd") ?? "(unknown)"),
            ["by_user"] = Counts(clients, c => Text(c, "user") ?? "default"),
            ["by_ip"] = Counts(clients, c => Ip(Text(c, "addr"))),
            ["idle"] = idle,
            ["blocked"] = clients.Count(c => Text(c, "flags") is { } f && f.Contains('b', StringComparison.Ordinal)),
            ["pubsub"] = clients.Count(c => (Number(c, "sub") ?? 0) + (Number(c, "psub") ?? 0) + (Number(c, "ssub") ?? 0) > 0),
            ["in_multi"] = clients.Count(c => Number(c, "multi") is { } m && m >= 0),
            ["max_idle_s"] = clients.Count == 0 ? null : clients.Max(c => Number(c, "idle") ?? 0),
            ["max_age_s"] = clients.Count == 0 ? null : clients.Max(c => Number(c, "age") ?? 0),
            ["max_qbuf"] = clients.Count == 0 ? null : clients.Max(c => Number(c, "qbuf") ?? 0),
            ["max_omem"] = clients.Count == 0 ? null : clients.Max(c => Number(c, "omem") ?? 0),
            ["total_omem"] = clients.Sum(c => Number(c, "omem") ?? 0),
            ["longest_idle"] = new JsonArray([.. clients
                .OrderByDescending(c => Number(c, "idle") ?? 0)
                .Take(LongestIdle)
                .Select(c => new JsonObject
                {
                    ["addr"] = Text(c, "addr"),
                    ["name"] = Text(c, "name"),
                    ["user"] = Text(c, "user"),
                    ["cmd"] = Text(c, "cmd"),
                    ["idle_s"] = Number(c, "idle"),
                    ["age_s"] = Number(c, "age"),
                })]),
        };
    }

    /// <summary>One dictionary per line of <c>key=value</c> fields separated by spaces.</summary>
    public static List<Dictionary<string, string>> Parse(string clientList)
    {
        var result = new List<Dictionary<string, string>>();
        foreach (var line in clientList.Split('\n'))
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var part in line.TrimEnd('\r').Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = part.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    fields[part[..eq]] = part[(eq + 1)..];
                }
            }

            if (fields.Count > 0)
            {
                result.Add(fields);
            }
        }

        return result;
    }

    private static JsonObject Counts(List<Dictionary<string, string>> clients, Func<Dictionary<string, string>, string> key)
    {
        var groups = clients.GroupBy(key, StringComparer.Ordinal)
            .Select(g => (g.Key, Count: g.Count()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var result = new JsonObject();
        foreach (var (name, count) in groups.Take(MaxMapEntries))
        {
            result[name] = count;
        }

        if (groups.Count > MaxMapEntries)
        {
            result["(other)"] = groups.Skip(MaxMapEntries).Sum(g => g.Count);
        }

        return result;
    }

    private static string Ip(string? addr)
    {
        if (string.IsNullOrEmpty(addr))
        {
            return "(unknown)";
        }

        var colon = addr.LastIndexOf(':');
        return (colon > 0 ? addr[..colon] : addr).Trim('[', ']');
    }

    private static string? Text(Dictionary<string, string> client, string key) => client.GetValueOrDefault(key);

    private static long? Number(Dictionary<string, string> client, string key) =>
        client.TryGetValue(key, out var s) && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
}
