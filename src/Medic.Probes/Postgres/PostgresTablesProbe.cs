using System.Text.Json.Nodes;
using Medic.Core.Probing;
using NpgsqlTypes;

namespace Medic.Probes.Postgres;

/// <summary>
/// <c>postgres.tables</c>: pg_stat_user_tables per table — sequential against index scans (missing-index signs),
/// live and dead tuples and vacuum/analyze ages (vacuum signs), and sizes.
/// </summary>
public sealed class PostgresTablesProbe : IProbe
{
    private static readonly string[] Orders = ["seq_tup_read", "seq_scan", "dead_tuples", "size", "name"];

    public string Name => "postgres.tables";

    public string Description => "Per-table statistics: seq vs index scans, live/dead tuples, vacuum and analyze ages, sizes";

    public IReadOnlyList<string> Kinds => PostgresProbe.Kinds;

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("tables", ParameterType.StringList, Description: "only these tables (name or schema.name)"),
        new("limit", ParameterType.Int, Description: "most tables returned (default 50)"),
        new("order_by", ParameterType.String, Description: "seq_tup_read (default), seq_scan, dead_tuples, size or name"),
    ];

    public Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        if (!PostgresArgs.TryInt(context, "limit", 50, 1, 10_000, out var limit, out var error)
            || !PostgresArgs.TryChoice(context, "order_by", Orders, out var order, out error))
        {
            return Task.FromResult(error!);
        }

        var tables = context.GetStrings("tables").ToArray();
        return PostgresProbe.RunAsync(context, (s, ct) => ObserveAsync(s, tables, limit, order, ct), cancellationToken);
    }

    private static async Task<ProbeResult> ObserveAsync(PostgresSession session, string[] tables, int limit, string order, CancellationToken cancellationToken)
    {
        var locked = await PostgresLocks.ExclusivelyLockedAsync(session, cancellationToken).ConfigureAwait(false);
        await using var command = session.Command(Sql(order));
        command.Parameters.Add(PostgresLocks.Parameter(locked));
        command.Parameters.Add(new("tables", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = tables });
        command.Parameters.AddWithValue("limit", limit + 1);
        var rows = await PgJson.RowsAsync(command, cancellationToken).ConfigureAwait(false);
        var truncated = rows.Count > limit;
        var list = new JsonArray();
        foreach (var row in rows.Take(limit))
        {
            var live = PgJson.Long(row["n_live_tup"]);
            var dead = PgJson.Long(row["n_dead_tup"]);
            var seq = PgJson.Long(row["seq_scan"]);
            var idx = PgJson.Long(row["idx_scan"]);
            row["dead_ratio"] = live + dead > 0 ? Math.Round((double)dead / (live + dead), 4) : 0;
            row["seq_scan_ratio"] = seq + idx > 0 ? Math.Round((double)seq / (seq + idx), 4) : 0;
            list.Add(row);
        }

        var data = await PostgresStats.DatabaseAsync(session, cancellationToken).ConfigureAwait(false);
        data["tables"] = list;
        data["returned"] = list.Count;
        data["truncated"] = truncated;
        data["locked"] = new JsonArray([.. list.Where(t => t!["locked"]?.GetValue<bool>() == true).Select(t => (JsonNode)$"{t!["schema"]}.{t["name"]}")]);
        return ProbeResult.Ok(data);
    }

    private static string Sql(string order)
    {
        var orderBy = order switch
        {
            "seq_scan" => "s.seq_scan DESC",
            "dead_tuples" => "s.n_dead_tup DESC",
            "size" => "size_bytes DESC NULLS LAST",
            "name" => "s.schemaname, s.relname",
            _ => "s.seq_tup_read DESC",
        };
        return $"""
            SELECT s.schemaname::text AS schema, s.relname::text AS name,
                   s.seq_scan, s.seq_tup_read, s.idx_scan, s.idx_tup_fetch,
                   s.n_live_tup, s.n_dead_tup, s.n_mod_since_analyze, s.n_tup_ins, s.n_tup_upd, s.n_tup_del,
                   c.reltuples::bigint AS estimated_rows,
                   (SELECT count(*) FROM pg_index i WHERE i.indrelid = s.relid)::int AS index_count,
                   s.last_vacuum, s.last_autovacuum, s.last_analyze, s.last_autoanalyze,
                   (extract(epoch FROM clock_timestamp() - greatest(s.last_vacuum, s.last_autovacuum)) * 1000)::bigint AS vacuum_age_ms,
                   (extract(epoch FROM clock_timestamp() - greatest(s.last_analyze, s.last_autoanalyze)) * 1000)::bigint AS analyze_age_ms,
                   s.vacuum_count, s.autovacuum_count, s.analyze_count, s.autoanalyze_count,
                   l.locked,
                   CASE WHEN l.locked THEN NULL ELSE pg_total_relation_size(s.relid) END AS size_bytes,
                   CASE WHEN l.locked THEN NULL ELSE pg_relation_size(s.relid) END AS table_bytes,
                   CASE WHEN l.locked THEN NULL ELSE pg_indexes_size(s.relid) END AS index_bytes
            FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
            CROSS JOIN LATERAL (SELECT s.relid::bigint = ANY(@locked) OR EXISTS (
                SELECT 1 FROM pg_index i WHERE i.indrelid = s.relid AND i.indexrelid::bigint = ANY(@locked)) AS locked) l
            WHERE cardinality(@tables) = 0 OR s.relname = ANY(@tables) OR s.schemaname || '.' || s.relname = ANY(@tables)
            ORDER BY {orderBy}, s.schemaname, s.relname
            LIMIT @limit
            """;
    }
}
