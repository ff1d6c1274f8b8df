using System.Text.Json.Nodes;

namespace Medic.Probes.Postgres;

/// <summary>The current database and how old its statistics are: scan counters mean little right after a reset.</summary>
internal static class PostgresStats
{
    public static async Task<JsonObject> DatabaseAsync(PostgresSession session, CancellationToken cancellationToken)
    {
        await using var command = session.Command("""
            SELECT current_database()::text AS database, stats_reset,
                   (extract(epoch FROM clock_timestamp() - coalesce(stats_reset, pg_postmaster_start_time())) * 1000)::bigint AS stats_age_ms
            FROM pg_stat_database WHERE datname = current_database()
            """);
        var rows = await PgJson.RowsAsync(command, cancellationToken).ConfigureAwait(false);
        return rows.Count > 0 ? rows[0] : new JsonObject { ["database"] = session.Target.Database };
    }
}
