using System.Globalization;

namespace Medic.Probes.Os;

/// <summary>Reads /proc/locks: the byte-range locks held right now, without taking or testing any lock.</summary>
internal static class ProcLocks
{
    public const string Path = "/proc/locks";

    /// <summary>Held POSIX and OFD locks, or null when /proc/locks cannot be read.</summary>
    public static IReadOnlyList<ByteRangeLock>? Read()
    {
        var lines = ProcFs.TryReadAllLines(Path);
        return lines?.Select(Parse).OfType<ByteRangeLock>().ToList();
    }

    /// <summary>
    /// Parses a line such as <c>1: POSIX  ADVISORY  WRITE 7372 fe:00:11657654 1073741825 1073741825</c>.
    /// Waiters (<c>1: -&gt; POSIX …</c>) hold nothing and flock/lease lines are not byte ranges: both yield null.
    /// </summary>
    internal static ByteRangeLock? Parse(string line)
    {
        var f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (f.Length < 8 || f[1] == "->" || (f[1] != "POSIX" && f[1] != "OFDLCK"))
        {
            return null;
        }

        var device = f[5].Split(':');
        if (device.Length != 3
            || !uint.TryParse(device[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var major)
            || !uint.TryParse(device[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var minor)
            || !ulong.TryParse(device[2], NumberStyles.None, CultureInfo.InvariantCulture, out var inode)
            || !int.TryParse(f[4], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(f[6], NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            return null;
        }

        long? end = f[7] == "EOF" ? null
            : long.TryParse(f[7], NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? e
            : -1;
        if (end == -1)
        {
            return null;
        }

        return new ByteRangeLock(f[1], f[3] == "WRITE", pid > 0 ? pid : null, new FileId(major, minor, inode), start, end);
    }
}
