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

    /// <summary>Size of the history on disk: the database file and its write-ahead log.</summary>
    public override long SizeBytes
    {
        get
        {
            var path = _db.DataSource;
            return new[] { path, path + "-wal" }.Select(p => new FileInfo(p)).Where(f => f.Exists).Sum(f => f.Length);
        }
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
