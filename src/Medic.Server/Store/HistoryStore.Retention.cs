namespace Medic.Server.Store;

public abstract partial class HistoryStore
{
    /// <summary>
    /// Keeps every run younger than <see cref="RetentionPolicy.KeepAll"/>, then only the last run of each hour per system,
    /// and drops runs older than <see cref="RetentionPolicy.DropAfter"/>. One transaction.
    /// </summary>
    public RetentionResult ApplyRetention(DateTimeOffset now, RetentionPolicy policy)
    {
        lock (_gate)
        {
            using var lease = Lease();
            using var tx = lease.Connection.BeginTransaction();
            var keepAll = Stamp(now - policy.KeepAll);
            var drop = Stamp(now - policy.DropAfter);

            // substr(started, 1, 13) is the hour ("2026-01-01T04"): the stamps are fixed-width UTC text in both databases.
            using var thin = Command(lease.Connection, tx, """
                DELETE FROM runs WHERE started < @keep AND started >= @drop AND id NOT IN (
                    SELECT MAX(id) FROM runs WHERE started < @keep AND started >= @drop GROUP BY system, substr(started, 1, 13))
                """);
            Text(thin, "keep", keepAll);
            Text(thin, "drop", drop);
            var thinned = thin.ExecuteNonQuery();

            using var old = Command(lease.Connection, tx, "DELETE FROM runs WHERE started < @drop");
            Text(old, "drop", drop);
            var dropped = old.ExecuteNonQuery();
            DeleteOrphanObservations(lease.Connection, tx);
            tx.Commit();
            return new RetentionResult(thinned, dropped);
        }
    }
}
