using Microsoft.Data.Sqlite;

namespace Medic.Probes.Tests.Support;

/// <summary>Builds real SQLite files for the probes to read (pooling off, so nothing stays open afterwards).</summary>
internal static class TestDatabases
{
    public static string Create(string path, bool wal = false, int rows = 10, string extra = "")
    {
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                {(wal ? "PRAGMA journal_mode=WAL;" : "")}
                CREATE TABLE jobs(id INTEGER PRIMARY KEY, name TEXT NOT NULL, payload TEXT);
                CREATE INDEX jobs_name ON jobs(name);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows})
                INSERT INTO jobs(name, payload) SELECT 'job-' || i, hex(randomblob(200)) FROM n;
                {extra}
                """;
            command.ExecuteNonQuery();
        }

        return path;
    }

    /// <summary>Bytes and modification time, to show a probe left the file as it was.</summary>
    public static (byte[] Bytes, DateTime Modified) Snapshot(string path) =>
        (File.ReadAllBytes(path), File.GetLastWriteTimeUtc(path));
}
