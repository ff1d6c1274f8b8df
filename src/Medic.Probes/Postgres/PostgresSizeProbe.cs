using System.Text.Json.Nodes;
using Medic.Core.Probing;

namespace Medic.Probes.Postgres;

/// <summary><c>postgres.size</c>: the size of every database Medic may connect to, and the largest tables of the current one.</summary>
public sealed class PostgresSizeProbe : IProbe
{
    public string Name => "postgres.size";

    public string Description => "Database sizes, and the largest tables of the current database";

    public IReadOnlyList<string> Kinds => PostgresProbe.Kinds;

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("limit", ParameterType.Int, Description: "how many of the largest tables to list (default 10)"),
    ];

    public Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        if (!PostgresArgs.TryInt(context, "limit", 10, 0, 1000, out var limit, out var error))
        {
            return Task.FromResult(error!);
        }

        return PostgresProbe.RunAsync(context, (s, ct) => ObserveAsync(s, limit, ct), cancellationToken);
    }

    private static async Task<ProbeResult> ObserveAsync(PostgresSession session, int limit, CancellationToken cancellationToken)
    {
        // pg_database_size needs CONNECT on the database; the others are listed without a size.
        await using var databases = session.Command("""
            SELECT d.datname::text AS name,
                   CASE WHEN has_database_privilege(d.oid, 'CONNECT') THEN pg_database_size(d.oid) END AS size_bytes,
                   d.datistemplate AS is_template, d.datallowconn AS allow_connections,
                   d.datconnlimit AS connection_limit, pg_encoding_to_char(d.encoding) AS encoding
            FROM pg_database d
            ORDER BY size_bytes DESC NULLS LAST, d.datname
            """);
        var list = await PgJson.RowsAsync(databases, cancellationToken).ConfigureAwait(false);

        var locked = await PostgresLocks.ExclusivelyLockedAsync(session, cancellationToken).ConfigureAwait(false);
        await using var tables = session.Command("""
            SELECT n.nspname::text AS schema, c.relname::text AS name, pg_total_relation_size(c.oid) AS size_bytes,
                   c.reltuples::bigint AS estimated_rows
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'm', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND n.nspname NOT LIKE 'pg_toast%' AND NOT (c.oid::bigint = ANY(@locked))
              AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indexrelid::bigint = ANY(@locked))
            ORDER BY size_bytes DESC, n.nspname, c.relname
            LIMIT @limit
            """);
        tables.Parameters.Add(PostgresLocks.Parameter(locked));
        tables.Parameters.AddWithValue("limit", limit);
        var largest = await PgJson.RowsAsync(tables, cancellationToken).ConfigureAwait(false);

        var current = await PostgresStats.DatabaseAsync(session, cancellationToken).ConfigureAwait(false);
        var name = PgJson.Text(current["database"]);
        return ProbeResult.Ok(new JsonObject
        {
            ["database"] = name,
            ["size_bytes"] = list.FirstOrDefault(d => PgJson.Text(d["name"]) == name)?["size_bytes"]?.DeepClone(),
            ["total_bytes"] = list.Sum(d => PgJson.Long(d["size_bytes"])),
            ["databases"] = new JsonArray([.. list]),
            ["largest_tables"] = new JsonArray([.. largest]),
        });
    }
}
