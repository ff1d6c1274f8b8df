using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Medic.Probes.Sqlite;

/// <summary>
/// A read-only connection for probes. Statements run through the native API rather than SqliteCommand, whose
/// busy retry loop waits in whole seconds and cannot be interrupted; here a short busy timeout bounds every wait
/// and cancellation interrupts a running statement.
/// </summary>
internal sealed class SqliteReadSession : IDisposable
{
    private const int ReadOnlyError = 8;

    private readonly SqliteConnection _connection;

    private SqliteReadSession(SqliteConnection connection, bool immutable)
    {
        _connection = connection;
        Immutable = immutable;
    }

    /// <summary>
    /// True when the file was opened with <c>immutable=1</c>: no locks, no -wal or -shm touched or created,
    /// and whatever sits in a -wal file is not seen.
    /// </summary>
    public bool Immutable { get; }

    /// <summary>The version of the SQLite library the probes use (initialising it, should no connection have yet).</summary>
    public static string LibraryVersion
    {
        get
        {
            Batteries_V2.Init();
            return raw.sqlite3_libversion().utf8_to_string();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a read-only connection to <paramref name="file"/>. A WAL database whose -wal or
    /// -shm is missing is opened immutable, because a reader would otherwise create them beside it; one that refuses a
    /// read-only reader (its -shm cannot be written by this user) is retried immutable.
    /// </summary>
    public static T Run<T>(SqliteDatabaseFile file, TimeSpan timeout, Func<SqliteReadSession, T> work)
    {
        var immutable = file.Header is { IsWal: true } && (!file.Wal.Exists || !file.Shm.Exists);
        try
        {
            using var session = Open(file.Path, immutable, timeout);
            return work(session);
        }
        catch (SqliteException e) when (!immutable && file.Header is { IsWal: true } && e.SqliteErrorCode == ReadOnlyError
            && e.SqliteExtendedErrorCode != SqliteErrors.ReadOnlyRollback)
        {
            using var session = Open(file.Path, immutable: true, timeout);
            return work(session);
        }
    }

    public static SqliteReadSession Open(string path, bool immutable, TimeSpan timeout)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Uri(path, immutable),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            raw.sqlite3_busy_timeout(connection.Handle, BusyTimeoutMs(timeout));
            return new SqliteReadSession(connection, immutable);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs one statement and returns its rows as text (null for SQL NULL), at most <paramref name="maxRows"/>.</summary>
    public List<string?[]> Query(string sql, CancellationToken cancellationToken, int maxRows = int.MaxValue)
    {
        var rows = new List<string?[]>();
        Query(sql, rows, cancellationToken, maxRows);
        return rows;
    }

    /// <summary>Runs one statement, adding its rows to <paramref name="rows"/> as they come, so a statement that fails
    /// part-way (quick_check on a damaged file does) leaves what it said before the error.</summary>
    public void Query(string sql, List<string?[]> rows, CancellationToken cancellationToken, int maxRows = int.MaxValue)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var db = _connection.Handle!;
        using var interrupt = cancellationToken.Register(() => raw.sqlite3_interrupt(db));
        var rc = raw.sqlite3_prepare_v2(db, sql, out sqlite3_stmt statement);
        using (statement)
        {
            Check(rc, cancellationToken);
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if (rows.Count < maxRows)
                {
                    var row = new string?[raw.sqlite3_column_count(statement)];
                    for (var i = 0; i < row.Length; i++)
                    {
                        row[i] = raw.sqlite3_column_type(statement, i) == raw.SQLITE_NULL
                            ? null
                            : raw.sqlite3_column_text(statement, i).utf8_to_string();
                    }

                    rows.Add(row);
                }
            }

            Check(rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc, cancellationToken);
        }
    }

    /// <summary>The <c>PRAGMA table_info</c> rows of a table or view: cid, name, type, notnull, dflt_value, pk.</summary>
    public List<string?[]> TableInfo(string table, CancellationToken cancellationToken) =>
        Query($"PRAGMA table_info({Quote(table)})", cancellationToken);

    public string? Scalar(string sql, CancellationToken cancellationToken) =>
        Query(sql, cancellationToken, 1) is [var row, ..] && row.Length > 0 ? row[0] : null;

    public long? Number(string sql, CancellationToken cancellationToken) =>
        long.TryParse(Scalar(sql, cancellationToken), System.Globalization.NumberStyles.AllowLeadingSign,
            System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    public void Dispose() => _connection.Dispose();

    /// <summary>Double-quotes an identifier for SQL text.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private void Check(int rc, CancellationToken cancellationToken)
    {
        if (rc == raw.SQLITE_OK)
        {
            return;
        }

        if (rc == raw.SQLITE_INTERRUPT)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        var db = _connection.Handle!;
        throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(db));
    }

    /// <summary>A URI filename, so query parameters such as immutable=1 apply; %, ? and # must be escaped in it.</summary>
    private static string Uri(string path, bool immutable)
    {
        var escaped = path.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("?", "%3f", StringComparison.Ordinal)
            .Replace("#", "%23", StringComparison.Ordinal);
        return "file:" + escaped + (immutable ? "?immutable=1" : "");
    }

    /// <summary>Long enough to ride out a commit, short enough to leave most of the probe's budget.</summary>
    private static int BusyTimeoutMs(TimeSpan timeout) =>
        timeout <= TimeSpan.Zero || timeout == Timeout.InfiniteTimeSpan
            ? 1000
            : (int)Math.Clamp(timeout.TotalMilliseconds / 4, 50, 1000);
}
