using System.Text.Json.Nodes;

namespace Medic.Probes.Postgres;

/// <summary>Shapes pg_stat_activity rows into the <c>postgres.activity</c> observation.</summary>
internal static class PostgresActivityReport
{
    private const string ClientBackend = "client backend";
    private const string Hidden = "<insufficient privilege>";
    private static readonly string[] StateKeys = ["active", "idle", "idle_in_transaction", "idle_in_transaction_aborted"];
    private static readonly string[] Who = ["pid", "user", "database", "application_name", "client_addr", "backend_type"];

    public sealed record Thresholds(long LongQueryMs, long IdleInTransactionMs, int Limit);

    public static JsonObject Build(List<JsonObject> rows, long maxConnections, long reserved, Thresholds t)
    {
        // Only client backends use max_connections slots; background workers and WAL senders have their own.
        var clients = rows.Where(r => PgJson.Text(r["backend_type"]) == ClientBackend).ToList();
        var byState = new JsonObject();
        foreach (var key in StateKeys)
        {
            byState[key] = 0;
        }

        foreach (var group in clients.GroupBy(r => StateKey(PgJson.Text(r["state"]))).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            byState[group.Key] = group.Count();
        }

        var total = clients.Count;
        var connections = new JsonObject
        {
            ["total"] = total,
            ["max"] = maxConnections,
            ["reserved"] = reserved,
            ["available"] = Math.Max(0, maxConnections - reserved - total),
            ["used_ratio"] = maxConnections > 0 ? Math.Round((double)total / maxConnections, 3) : 0,
            ["by_state"] = byState,
            ["by_application"] = CountBy(clients, "application_name"),
            ["by_user"] = CountBy(clients, "user"),
            ["by_database"] = CountBy(clients, "database"),
        };

        var longRunning = rows
            .Where(r => PgJson.Text(r["state"]) == "active" && PgJson.Long(r["query_ms"]) >= t.LongQueryMs)
            .OrderByDescending(r => PgJson.Long(r["query_ms"]))
            .ToList();
        var idle = rows
            .Where(r => PgJson.Text(r["state"])?.StartsWith("idle in transaction", StringComparison.Ordinal) == true
                && PgJson.Long(r["state_ms"]) >= t.IdleInTransactionMs)
            .OrderByDescending(r => PgJson.Long(r["state_ms"]))
            .ToList();
        var blocked = rows
            .Where(r => r["blocked_by"] is JsonArray { Count: > 0 })
            .OrderByDescending(r => PgJson.Long(r["waiting_ms"]))
            .ToList();

        return new JsonObject
        {
            ["connections"] = connections,
            ["long_query_ms"] = t.LongQueryMs,
            ["long_running_count"] = longRunning.Count,
            ["long_running"] = List(longRunning.Take(t.Limit).Select(r => Pick(r, [.. Who, "state", "query_ms", "xact_ms", "wait_event_type", "wait_event", "query"], ("query_ms", "duration_ms")))),
            ["idle_in_transaction_count"] = idle.Count,
            ["idle_in_transaction"] = List(idle.Take(t.Limit).Select(r => Pick(r, [.. Who, "state", "state_ms", "xact_ms", "query"], ("state_ms", "idle_ms")))),
            ["blocked_count"] = blocked.Count,
            ["blocked"] = List(blocked.Take(t.Limit).Select(r => Pick(r, [.. Who, "state", "blocked_by", "waiting_ms", "lock_type", "lock_mode", "relation", "wait_event_type", "wait_event", "query"]))),
            ["blockers"] = List(Blockers(rows, blocked).Take(t.Limit)),
            ["waiting_on_locks"] = rows.Count(r => PgJson.Text(r["wait_event_type"]) == "Lock"),
            ["oldest_xact_ms"] = clients.Where(r => r["xact_ms"] is not null).Select(r => (long?)PgJson.Long(r["xact_ms"])).Max(),
            ["hidden_queries"] = rows.Count(r => PgJson.Text(r["query"]) == Hidden),
        };
    }

    /// <summary>The sessions holding what others wait for, each with the pids it blocks.</summary>
    private static IEnumerable<JsonObject> Blockers(List<JsonObject> rows, List<JsonObject> blocked)
    {
        var blocking = new SortedDictionary<long, SortedSet<long>>();
        foreach (var waiter in blocked)
        {
            foreach (var holder in ((JsonArray)waiter["blocked_by"]!).Select(PgJson.Long))
            {
                if (!blocking.TryGetValue(holder, out var set))
                {
                    blocking[holder] = set = [];
                }

                set.Add(PgJson.Long(waiter["pid"]));
            }
        }

        foreach (var (pid, waiters) in blocking.OrderByDescending(p => p.Value.Count))
        {
            var row = rows.FirstOrDefault(r => PgJson.Long(r["pid"]) == pid);
            var entry = row is null
                ? new JsonObject { ["pid"] = pid }
                : Pick(row, [.. Who, "state", "xact_ms", "state_ms", "wait_event_type", "query"]);
            entry["blocking"] = new JsonArray([.. waiters.Select(w => (JsonNode)w)]);
            yield return entry;
        }
    }

    private static JsonObject CountBy(List<JsonObject> rows, string key)
    {
        var counts = new JsonObject();
        foreach (var group in rows.GroupBy(r => PgJson.Text(r[key]) ?? "").OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            counts[group.Key] = group.Count();
        }

        return counts;
    }

    private static JsonObject Pick(JsonObject row, string[] keys, params (string From, string To)[] renames)
    {
        var o = new JsonObject();
        foreach (var key in keys)
        {
            var name = renames.FirstOrDefault(r => r.From == key).To ?? key;
            o[name] = row[key]?.DeepClone();
        }

        return o;
    }

    private static JsonArray List(IEnumerable<JsonObject> items) => new([.. items]);

    internal static string StateKey(string? state) => state is null
        ? "unknown"
        : state.Replace(" (", "_", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal).Replace(' ', '_');
}
