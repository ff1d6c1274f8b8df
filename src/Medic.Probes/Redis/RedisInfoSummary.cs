using System.Text.Json.Nodes;

namespace Medic.Probes.Redis;

/// <summary>
/// The few INFO facts runbooks ask about, gathered under stable names with derived values
/// (used_ratio, headroom, hit ratio). Everything stays in <c>sections</c> too; a field is null when the
/// server does not report it.
/// </summary>
internal static partial class RedisInfoSummary
{
    public static void AddAll(InfoView info, JsonObject data)
    {
        data["server"] = Server(info);
        data["memory"] = Memory(info);
        data["clients"] = Clients(info);
        data["persistence"] = Persistence(info);
        data["replication"] = Replication(info);
        data["keyspace"] = Keyspace(info);
        data["stats"] = Stats(info);
    }

    public static JsonObject Server(InfoView info) => new()
    {
        ["redis_version"] = info.Text("server", "redis_version"),
        ["redis_mode"] = info.Text("server", "redis_mode"),
        ["os"] = info.Text("server", "os"),
        ["uptime_in_seconds"] = info.Long("server", "uptime_in_seconds"),
        ["config_file"] = info.Text("server", "config_file"),
    };

    public static JsonObject Memory(InfoView info)
    {
        var used = info.Long("memory", "used_memory");
        var max = info.Long("memory", "maxmemory");
        var limited = max is > 0;
        var rss = info.Long("memory", "used_memory_rss");
        var system = info.Long("memory", "total_system_memory");
        return new JsonObject
        {
            ["used_memory"] = used,
            ["used_memory_human"] = info.Text("memory", "used_memory_human"),
            ["used_memory_rss"] = rss,
            ["used_memory_peak"] = info.Long("memory", "used_memory_peak"),
            ["maxmemory"] = max,
            ["maxmemory_human"] = info.Text("memory", "maxmemory_human"),
            ["limited"] = max is null ? null : limited,
            ["used_ratio"] = limited ? InfoView.Ratio(used, max) : null,
            ["headroom_bytes"] = limited && used is { } u ? max - u : null,
            ["policy"] = info.Text("memory", "maxmemory_policy"),
            ["evicted_keys"] = info.Long("stats", "evicted_keys"),
            ["oom_errors"] = ErrorCount(info, "OOM"),
            ["rejected_connections"] = info.Long("stats", "rejected_connections"),
            ["mem_fragmentation_ratio"] = info.Double("memory", "mem_fragmentation_ratio"),
            ["total_system_memory"] = system,
            ["system_ratio"] = InfoView.Ratio(rss, system),
        };
    }

    public static JsonObject Clients(InfoView info)
    {
        var connected = info.Long("clients", "connected_clients");
        var max = info.Long("clients", "maxclients");
        return new JsonObject
        {
            ["connected_clients"] = connected,
            ["blocked_clients"] = info.Long("clients", "blocked_clients"),
            ["maxclients"] = max,
            ["clients_ratio"] = InfoView.Ratio(connected, max),
            ["rejected_connections"] = info.Long("stats", "rejected_connections"),
        };
    }

    public static JsonObject Keyspace(InfoView info)
    {
        long keys = 0;
        long expires = 0;
        var dbs = new JsonObject();
        foreach (var (name, node) in info.Section("keyspace") ?? [])
        {
            var k = InfoView.AsLong(node?["keys"]) ?? 0;
            keys += k;
            expires += InfoView.AsLong(node?["expires"]) ?? 0;
            dbs[name] = k;
        }

        return new JsonObject { ["keys"] = keys, ["expires"] = expires, ["dbs"] = dbs };
    }

    public static JsonObject Stats(InfoView info)
    {
        var hits = info.Long("stats", "keyspace_hits");
        var misses = info.Long("stats", "keyspace_misses");
        var errors = new JsonObject();
        foreach (var (name, node) in info.Section("errorstats") ?? [])
        {
            errors[name.StartsWith("errorstat_", StringComparison.Ordinal) ? name["errorstat_".Length..] : name] =
                InfoView.AsLong(node?["count"]);
        }

        return new JsonObject
        {
            ["total_connections_received"] = info.Long("stats", "total_connections_received"),
            ["total_commands_processed"] = info.Long("stats", "total_commands_processed"),
            ["instantaneous_ops_per_sec"] = info.Long("stats", "instantaneous_ops_per_sec"),
            ["keyspace_hits"] = hits,
            ["keyspace_misses"] = misses,
            ["hit_ratio"] = hits is { } h && misses is { } m ? InfoView.Ratio(h, h + m) : null,
            ["expired_keys"] = info.Long("stats", "expired_keys"),
            ["evicted_keys"] = info.Long("stats", "evicted_keys"),
            ["rejected_connections"] = info.Long("stats", "rejected_connections"),
            ["total_error_replies"] = info.Long("stats", "total_error_replies"),
            ["errors"] = info.Section("errorstats") is null ? null : errors,
        };
    }

    /// <summary>How often the server answered with this error code since the last reset; null on servers without errorstats.</summary>
    private static long? ErrorCount(InfoView info, string code) =>
        info.Section("errorstats") is { } section ? InfoView.AsLong(section["errorstat_" + code]?["count"]) ?? 0 : null;
}
