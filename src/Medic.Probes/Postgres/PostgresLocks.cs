using Npgsql;

namespace Medic.Probes.Postgres;

/// <summary>
/// Size functions and pg_get_indexdef wait for a relation's lock. A relation under ACCESS EXCLUSIVE (a migration,
/// VACUUM FULL, LOCK TABLE) would stall the probe, so they are skipped for it and it is marked <c>locked</c> instead.
/// </summary>
internal static class PostgresLocks
{
    public static async Task<long[]> ExclusivelyLockedAsync(PostgresSession session, CancellationToken cancellationToken)
    {
        // Waiting requests count too: lock queues are fair, so our request would queue behind them.
        await using var command = session.Command("""
            SELECT DISTINCT relation::bigint FROM pg_locks
            WHERE mode = 'AccessExclusiveLock' AND relation IS NOT NULL
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """);
        var locked = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            locked.Add(reader.GetInt64(0));
        }

        return [.. locked];
    }

    public static NpgsqlParameter Parameter(long[] locked) => new("locked", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bigint) { Value = locked };
}
