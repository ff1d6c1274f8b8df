using Medic.Probes.Os;

namespace Medic.Probes.Sqlite;

/// <summary>
/// Names the byte-range locks SQLite's unix VFS takes (os_unix.c). In rollback mode they sit on the database file
/// just past 1 GiB; in WAL mode the write, checkpoint, recovery and reader locks sit on the -shm file.
/// The kernel merges adjacent ranges of one owner, so one lock may stand for several of SQLite's.
/// </summary>
internal static class SqliteLockBytes
{
    public const long PendingByte = 0x40000000;
    public const long ReservedByte = PendingByte + 1;
    public const long SharedFirst = PendingByte + 2;
    public const long SharedLast = SharedFirst + 510 - 1;

    public const long WalWriteByte = 120;
    public const long WalCheckpointByte = 121;
    public const long WalRecoverByte = 122;
    public const long WalReadFirst = 123;
    public const long WalReadLast = 127;

    /// <summary>Lock names that keep every other writer out.</summary>
    public static readonly IReadOnlySet<string> WriterLocks = new HashSet<string>(StringComparer.Ordinal)
    {
        "exclusive", "pending", "reserved", "wal_write",
    };

    /// <summary>SQLite's lock names for one kernel lock on the database file, strongest first.</summary>
    public static IEnumerable<string> OnDatabase(ByteRangeLock l)
    {
        if (l.Overlaps(SharedFirst, SharedLast))
        {
            // A write lock on the shared range is EXCLUSIVE; it implies the pending and reserved locks beside it.
            yield return l.Write ? "exclusive" : "shared";
            if (l.Write)
            {
                yield break;
            }
        }

        if (l.Write && l.Covers(ReservedByte))
        {
            yield return "reserved";
        }

        // A read lock on the pending byte is taken only for a moment while acquiring SHARED; it holds nothing.
        if (l.Write && l.Covers(PendingByte))
        {
            yield return "pending";
        }
    }

    /// <summary>SQLite's lock names for one kernel lock on the -shm file.</summary>
    public static IEnumerable<string> OnSharedMemory(ByteRangeLock l)
    {
        if (l.Covers(WalWriteByte))
        {
            yield return "wal_write";
        }

        if (l.Covers(WalCheckpointByte))
        {
            yield return "checkpoint";
        }

        if (l.Covers(WalRecoverByte))
        {
            yield return "recover";
        }

        if (l.Overlaps(WalReadFirst, WalReadLast))
        {
            yield return "wal_read";
        }
    }

    /// <summary>Strength for ordering holders: writers first, then the rest.</summary>
    public static int Rank(string name) => name switch
    {
        "exclusive" => 0,
        "pending" => 1,
        "wal_write" => 2,
        "reserved" => 3,
        "recover" => 4,
        "checkpoint" => 5,
        "shared" => 6,
        "wal_read" => 7,
        _ => 8,
    };
}
