using Npgsql;

namespace Medic.Server.Store;

/// <summary>
/// History in a PostgreSQL database, for teams that share one server. Same schema and SQL as SQLite
/// (<see cref="Migrations"/>); each operation takes a pooled connection, so a restarted database is picked up again.
/// </summary>
public sealed class PostgresHistoryStore : HistoryStore
{
    private readonly NpgsqlDataSource _source;

    public PostgresHistoryStore(string connectionString)
        : base(SqlDialect.Postgres)
    {
        _source = NpgsqlDataSource.Create(connectionString);
        Migrate();
    }

    /// <summary>Size of the database that holds the history.</summary>
    public override long SizeBytes
    {
        get
        {
            using var lease = Lease();
            using var cmd = lease.Connection.CreateCommand();
            cmd.CommandText = "SELECT pg_database_size(current_database())";
            return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    protected override ConnectionLease Lease() => new(_source.OpenConnection(), owned: true);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _source.Dispose();
        }
    }
}
