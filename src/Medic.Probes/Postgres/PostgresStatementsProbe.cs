using System.Text.Json.Nodes;
using Medic.Core.Probing;
using Npgsql;

namespace Medic.Probes.Postgres;

/// <summary>
/// <c>postgres.statements</c>: the top statements from pg_stat_statements. A server without the extension is a
/// finding, not a failure: the observation says <c>available: false</c> and why.
/// </summary>
public sealed class PostgresStatementsProbe : IProbe
{
    private static readonly string[] Orders = ["total_time", "mean_time", "calls", "rows"];

    public string Name => "postgres.statements";

    public string Description => "Top statements from pg_stat_statements by total time, mean time, calls or rows (available: false without the extension)";

    public IReadOnlyList<string> Kinds => PostgresProbe.Kinds;

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("limit", ParameterType.Int, Description: "how many statements (default 10)"),
        new("order_by", ParameterType.String, Description: "total_time (default), mean_time, calls or rows"),
        new("all_databases", ParameterType.Bool, Description: "include statements of every database, not only the current one"),
    ];

    public Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        if (!PostgresArgs.TryInt(context, "limit", 10, 1, 1000, out var limit, out var error)
            || !PostgresArgs.TryChoice(context, "order_by", Orders, out var order, out error))
        {
            return Task.FromResult(error!);
        }

        var all = context.GetBool("all_databases") ?? false;
        return PostgresProbe.RunAsync(context, (s, ct) => ObserveAsync(s, limit, order, all, ct), cancellationToken);
    }

    private static async Task<ProbeResult> ObserveAsync(PostgresSession session, int limit, string order, bool all, CancellationToken cancellationToken)
    {
        await using var find = session.Command("""
            SELECT n.nspname::text AS schema, e.extversion AS version
            FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
            WHERE e.extname = 'pg_stat_statements'
            """);
        var found = await PgJson.RowsAsync(find, cancellationToken).ConfigureAwait(false);
        if (found.Count == 0)
        {
            return Unavailable($"the pg_stat_statements extension is not installed in database '{session.Target.Database}'");
        }

        var schema = PgJson.Text(found[0]["schema"])!;
        var version = PgJson.Text(found[0]["version"]) ?? "";
        // Version 1.8 (PostgreSQL 13) renamed total_time to total_exec_time and so on.
        var suffix = Version.TryParse(version, out var v) && v < new Version(1, 8) ? "time" : "exec_time";
        var view = $"{Quote(schema)}.pg_stat_statements";
        var orderBy = order switch
        {
            "mean_time" => $"s.mean_{suffix}",
            "calls" => "s.calls",
            "rows" => "s.rows",
            _ => $"s.total_{suffix}",
        };
        var filter = all ? "true" : "s.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())";
        await using var top = session.Command($"""
            SELECT s.queryid::text AS queryid, left(s.query, {PgJson.MaxText}) AS query,
                   r.rolname::text AS "user", d.datname::text AS database, s.calls, s.rows,
                   round(s.total_{suffix}::numeric, 3)::float8 AS total_ms,
                   round(s.mean_{suffix}::numeric, 3)::float8 AS mean_ms,
                   round(s.max_{suffix}::numeric, 3)::float8 AS max_ms,
                   s.shared_blks_hit, s.shared_blks_read, s.temp_blks_written
            FROM {view} s LEFT JOIN pg_roles r ON r.oid = s.userid LEFT JOIN pg_database d ON d.oid = s.dbid
            WHERE {filter}
            ORDER BY {orderBy} DESC
            LIMIT @limit
            """);
        top.Parameters.AddWithValue("limit", limit);
        await using var totals = session.Command($"""
            SELECT count(*) AS statement_count, coalesce(sum(s.calls), 0)::bigint AS total_calls,
                   coalesce(round(sum(s.total_{suffix})::numeric, 3), 0)::float8 AS total_ms
            FROM {view} s WHERE {filter}
            """);
        List<JsonObject> rows;
        JsonObject sums;
        try
        {
            rows = await PgJson.RowsAsync(top, cancellationToken).ConfigureAwait(false);
            sums = (await PgJson.RowsAsync(totals, cancellationToken).ConfigureAwait(false))[0];
        }
        catch (PostgresException e) when (e.SqlState == "55000")
        {
            // Installed but not in shared_preload_libraries: the view exists and cannot be read.
            return Unavailable(e.MessageText);
        }

        foreach (var row in rows)
        {
            var calls = PgJson.Long(row["calls"]);
            var hit = PgJson.Long(row["shared_blks_hit"]);
            var read = PgJson.Long(row["shared_blks_read"]);
            row["rows_per_call"] = calls > 0 ? Math.Round((double)PgJson.Long(row["rows"]) / calls, 2) : 0;
            row["hit_ratio"] = hit + read > 0 ? Math.Round((double)hit / (hit + read), 4) : 1;
        }

        var data = new JsonObject { ["available"] = true, ["version"] = version, ["order_by"] = order };
        foreach (var (key, value) in sums)
        {
            data[key] = value?.DeepClone();
        }

        data["statements"] = new JsonArray([.. rows]);
        return ProbeResult.Ok(data);
    }

    private static ProbeResult Unavailable(string reason) => ProbeResult.Ok(new JsonObject
    {
        ["available"] = false,
        ["reason"] = reason,
        ["statements"] = new JsonArray(),
    });

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
