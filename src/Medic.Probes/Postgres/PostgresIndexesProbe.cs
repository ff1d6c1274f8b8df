using System.Text.Json.Nodes;
using Medic.Core.Probing;
using NpgsqlTypes;

namespace Medic.Probes.Postgres;

/// <summary>
/// <c>postgres.indexes</c>: every user index with its scans, size and definition; an index never scanned that
/// enforces nothing (not unique, not primary) is <c>unused</c>; an invalid one is a failed concurrent build.
/// </summary>
public sealed class PostgresIndexesProbe : IProbe
{
    public string Name => "postgres.indexes";

    public string Description => "Index usage: scans, size, definition, unused and invalid indexes";

    public IReadOnlyList<string> Kinds => PostgresProbe.Kinds;

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("tables", ParameterType.StringList, Description: "only indexes of these tables (name or schema.name)"),
        new("unused_only", ParameterType.Bool, Description: "list only unused indexes"),
        new("limit", ParameterType.Int, Description: "most indexes returned (default 100)"),
    ];

    public Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        if (!PostgresArgs.TryInt(context, "limit", 100, 1, 10_000, out var limit, out var error))
        {
            return Task.FromResult(error!);
        }

        var tables = context.GetStrings("tables").ToArray();
        var unusedOnly = context.GetBool("unused_only") ?? false;
        return PostgresProbe.RunAsync(context, (s, ct) => ObserveAsync(s, tables, unusedOnly, limit, ct), cancellationToken);
    }

    private static async Task<ProbeResult> ObserveAsync(PostgresSession session, string[] tables, bool unusedOnly, int limit, CancellationToken cancellationToken)
    {
        var locked = await PostgresLocks.ExclusivelyLockedAsync(session, cancellationToken).ConfigureAwait(false);
        await using var command = session.Command("""
            SELECT s.schemaname::text AS schema, s.relname::text AS table, s.indexrelname::text AS name,
                   s.idx_scan, s.idx_tup_read, s.idx_tup_fetch,
                   i.indisunique AS unique, i.indisprimary AS primary, i.indisvalid AS valid,
                   l.locked,
                   CASE WHEN l.locked THEN NULL ELSE pg_relation_size(s.indexrelid) END AS size_bytes,
                   CASE WHEN l.locked THEN NULL ELSE pg_get_indexdef(s.indexrelid) END AS definition
            FROM pg_stat_user_indexes s JOIN pg_index i ON i.indexrelid = s.indexrelid
            CROSS JOIN LATERAL (SELECT s.indexrelid::bigint = ANY(@locked) OR s.relid::bigint = ANY(@locked) AS locked) l
            WHERE cardinality(@tables) = 0 OR s.relname = ANY(@tables) OR s.schemaname || '.' || s.relname = ANY(@tables)
            ORDER BY s.schemaname, s.relname, s.indexrelname
            """);
        command.Parameters.Add(PostgresLocks.Parameter(locked));
        command.Parameters.Add(new("tables", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = tables });
        var rows = await PgJson.RowsAsync(command, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            row["unused"] = PgJson.Long(row["idx_scan"]) == 0 && !Bool(row["unique"]) && !Bool(row["primary"]);
        }

        var unused = rows.Where(r => Bool(r["unused"])).ToList();
        var listed = (unusedOnly ? unused : rows).OrderByDescending(r => Bool(r["unused"])).ThenByDescending(r => PgJson.Long(r["size_bytes"])).ToList();
        var data = await PostgresStats.DatabaseAsync(session, cancellationToken).ConfigureAwait(false);
        data["index_count"] = rows.Count;
        data["unused_count"] = unused.Count;
        data["unused_bytes"] = unused.Sum(r => PgJson.Long(r["size_bytes"]));
        data["invalid_count"] = rows.Count(r => !Bool(r["valid"]));
        data["indexes"] = new JsonArray([.. listed.Take(limit)]);
        data["truncated"] = listed.Count > limit;
        return ProbeResult.Ok(data);
    }

    private static bool Bool(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}
