using System.Text.Json.Nodes;
using Medic.Core.Probing;

namespace Medic.Probes.Postgres;

/// <summary>
/// <c>postgres.activity</c>: pg_stat_activity by state, application, user and database against max_connections;
/// long-running queries, idle-in-transaction sessions, and lock waits with who blocks whom (pg_blocking_pids).
/// Medic's own session is left out of every count and list.
/// </summary>
public sealed class PostgresActivityProbe : IProbe
{
    public string Name => "postgres.activity";

    public string Description => "Sessions by state/application/user vs max_connections; long-running queries, idle-in-transaction sessions, lock waits and their blockers";

    public IReadOnlyList<string> Kinds => PostgresProbe.Kinds;

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("long_query", ParameterType.Duration, Description: "an active query running at least this long is long-running (default 30s)"),
        new("idle_in_transaction", ParameterType.Duration, Description: "list sessions idle in a transaction at least this long (default 0: all)"),
        new("limit", ParameterType.Int, Description: "most entries per list (default 50)"),
    ];

    public Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        if (!PostgresArgs.TryDuration(context, "long_query", TimeSpan.FromSeconds(30), out var longQuery, out var error)
            || !PostgresArgs.TryDuration(context, "idle_in_transaction", TimeSpan.Zero, out var idle, out error)
            || !PostgresArgs.TryInt(context, "limit", 50, 1, 10_000, out var limit, out error))
        {
            return Task.FromResult(error!);
        }

        var thresholds = new PostgresActivityReport.Thresholds((long)longQuery.TotalMilliseconds, (long)idle.TotalMilliseconds, limit);
        return PostgresProbe.RunAsync(context, (s, ct) => ObserveAsync(s, thresholds, ct), cancellationToken);
    }

    private static async Task<ProbeResult> ObserveAsync(PostgresSession session, PostgresActivityReport.Thresholds thresholds, CancellationToken cancellationToken)
    {
        await using var limits = session.Command("""
            SELECT current_setting('max_connections')::int AS max_connections,
                   current_setting('superuser_reserved_connections')::int AS reserved
            """);
        var settings = (await PgJson.RowsAsync(limits, cancellationToken).ConfigureAwait(false))[0];

        await using var activity = session.Command(Sql(session.Connection.PostgreSqlVersion));
        var rows = await PgJson.RowsAsync(activity, cancellationToken).ConfigureAwait(false);
        var report = PostgresActivityReport.Build(rows, PgJson.Long(settings["max_connections"]), PgJson.Long(settings["reserved"]), thresholds);
        return ProbeResult.Ok(report);
    }

    private static string Sql(Version server)
    {
        // pg_locks.waitstart (PostgreSQL 14+) dates the lock wait exactly; before that, the query start is the best guess.
        var waitStart = server.Major >= 14 ? "waitstart" : "NULL::timestamptz";
        return $"""
            WITH waiting AS (
                SELECT DISTINCT ON (pid) pid, locktype::text AS lock_type, mode::text AS lock_mode,
                       CASE WHEN relation IS NOT NULL THEN relation::regclass::text END AS relation,
                       {waitStart} AS wait_start
                FROM pg_locks WHERE NOT granted ORDER BY pid
            )
            SELECT a.pid, a.datname::text AS database, a.usename::text AS "user", a.application_name,
                   host(a.client_addr) AS client_addr, a.backend_type, a.state, a.wait_event_type, a.wait_event,
                   {Ms("a.query_start")} AS query_ms,
                   {Ms("a.xact_start")} AS xact_ms,
                   {Ms("a.state_change")} AS state_ms,
                   {Ms("coalesce(w.wait_start, a.query_start)")} AS waiting_ms,
                   left(a.query, {PgJson.MaxText}) AS query,
                   CASE WHEN w.pid IS NOT NULL OR a.wait_event_type = 'Lock' THEN pg_blocking_pids(a.pid) END AS blocked_by,
                   w.lock_type, w.lock_mode, w.relation
            FROM pg_stat_activity a LEFT JOIN waiting w ON w.pid = a.pid
            WHERE a.pid <> pg_backend_pid()
            """;
    }

    private static string Ms(string since) => $"(extract(epoch FROM clock_timestamp() - {since}) * 1000)::bigint";
}
