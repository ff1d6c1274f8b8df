using Microsoft.Data.Sqlite;

namespace Medic.Server.Store;

/// <summary>History in one SQLite file: WAL, <c>synchronous=FULL</c> so a committed run survives a crash.</summary>
public sealed class SqliteHistoryStore : HistoryStore
{
    private readonly SqliteConnection _db;

    public SqliteHistoryStore(string path)
        : base(SqlDialect.Sqlite)
    {
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _db.Open();
        using (var cmd = _db.CreateCommand())
        {
            cmd.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";
            cmd.ExecuteNonQuery();
        }

        Migrate();
    }

    protected override ConnectionLease Lease() => new(_db, owned: false);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _db.Dispose();
        }
    }
}
