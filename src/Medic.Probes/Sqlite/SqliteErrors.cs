using Medic.Core.Model;
using Microsoft.Data.Sqlite;

namespace Medic.Probes.Sqlite;

/// <summary>Maps SQLite result codes to Medic's error kinds.</summary>
internal static class SqliteErrors
{
    /// <summary>SQLITE_READONLY_ROLLBACK: a hot journal needs rolling back, which a read-only connection may not do.</summary>
    public const int ReadOnlyRollback = 8 | (3 << 8);

    public static bool IsBusy(SqliteException e) => e.SqliteErrorCode is 5 or 6;

    /// <summary>SQLITE_CORRUPT: a database with damaged pages (SQLITE_NOTADB, not a database at all, is not this).</summary>
    public static bool IsMalformed(SqliteException e) => e.SqliteErrorCode == 11;

    public static bool IsHotJournal(SqliteException e) => e.SqliteExtendedErrorCode == ReadOnlyRollback;

    public static string Kind(SqliteException e) => e.SqliteErrorCode switch
    {
        5 or 6 => ErrorKinds.Busy,
        11 or 26 => ErrorKinds.Corrupt,
        3 or 14 or 23 => ErrorKinds.PermissionDenied,
        _ => ErrorKinds.Internal,
    };
}
