using System.Text.Json.Nodes;

namespace Medic.Probes.Redis;

internal static partial class RedisInfoSummary
{
    public static JsonObject Persistence(InfoView info)
    {
        var lastSave = info.Long("persistence", "rdb_last_save_time");
        var serverNow = info.Long("server", "server_time_usec") is { } usec ? usec / 1_000_000 : (long?)null;
        return new JsonObject
        {
            ["loading"] = info.Flag("persistence", "loading"),
            ["async_loading"] = info.Flag("persistence", "async_loading"),
            ["rdb_bgsave_in_progress"] = info.Flag("persistence", "rdb_bgsave_in_progress"),
            ["rdb_last_bgsave_status"] = info.Text("persistence", "rdb_last_bgsave_status"),
            ["rdb_changes_since_last_save"] = info.Long("persistence", "rdb_changes_since_last_save"),
            ["rdb_last_save_time"] = lastSave,
            ["rdb_last_save_age_s"] = lastSave is { } t && serverNow is { } now ? Math.Max(0, now - t) : null,
            ["aof_enabled"] = info.Flag("persistence", "aof_enabled"),
            ["aof_rewrite_in_progress"] = info.Flag("persistence", "aof_rewrite_in_progress"),
            ["aof_last_bgrewrite_status"] = info.Text("persistence", "aof_last_bgrewrite_status"),
            ["aof_last_write_status"] = info.Text("persistence", "aof_last_write_status"),
        };
    }

    public static JsonObject Replication(InfoView info)
    {
        var role = info.Text("replication", "role");
        var replicas = new JsonArray();
        foreach (var (name, node) in info.Section("replication") ?? [])
        {
            if (name.StartsWith("slave", StringComparison.Ordinal) && node is JsonObject replica)
            {
                replicas.Add(new JsonObject
                {
                    ["ip"] = replica["ip"]?.DeepClone(),
                    ["port"] = replica["port"]?.DeepClone(),
                    ["state"] = replica["state"]?.DeepClone(),
                    ["offset"] = replica["offset"]?.DeepClone(),
                    ["lag"] = replica["lag"]?.DeepClone(),
                });
            }
        }

        var isReplica = role is "slave" or "replica";
        return new JsonObject
        {
            ["role"] = role,
            ["connected_slaves"] = info.Long("replication", "connected_slaves"),
            ["replicas"] = replicas,
            ["master_repl_offset"] = info.Long("replication", "master_repl_offset"),
            ["master_host"] = isReplica ? info.Text("replication", "master_host") : null,
            ["master_port"] = isReplica ? info.Long("replication", "master_port") : null,
            ["master_link_status"] = isReplica ? info.Text("replication", "master_link_status") : null,
            ["master_last_io_seconds_ago"] = isReplica ? info.Long("replication", "master_last_io_seconds_ago") : null,
            ["master_sync_in_progress"] = isReplica ? info.Flag("replication", "master_sync_in_progress") : null,
            ["master_link_down_since_seconds"] = isReplica ? info.Long("replication", "master_link_down_since_seconds") : null,
        };
    }
}
