using System.Runtime.InteropServices;

namespace Medic.Probes.Os;

/// <summary>statvfs and sysconf: file-system sizes for a path, and the clock tick /proc counts in.</summary>
internal static unsafe partial class Native
{
    private const ulong ReadOnlyMountFlag = 1; // ST_RDONLY
    private const int ClockTicksName = 2; // _SC_CLK_TCK on Linux
    private const int StatVfsWords = 16;

    /// <summary>
    /// Sizes and inode counts of the file system holding <paramref name="path"/>; null with <paramref name="errno"/>
    /// set when the kernel refuses, or with errno 0 where the layout is not known (32-bit processes).
    /// </summary>
    /// <remarks>
    /// On 64-bit Linux, glibc and musl agree on <c>struct statvfs</c>: eleven unsigned longs (bsize, frsize, blocks,
    /// bfree, bavail, files, ffree, favail, fsid, flag, namemax) and six spare ints, 112 bytes on x64 and arm64 alike.
    /// <c>struct statfs</c> differs between architectures, which is why it is not the one used.
    /// </remarks>
    public static FileSystemStats? StatVfs(string path, out int errno)
    {
        errno = 0;
        if (!Environment.Is64BitProcess || !OperatingSystem.IsLinux())
        {
            return null;
        }

        var words = stackalloc ulong[StatVfsWords];
        if (StatVfsCall(path, words) != 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return null;
        }

        var fragment = words[1] != 0 ? words[1] : words[0];
        return new FileSystemStats(
            TotalBytes: words[2] * fragment,
            FreeBytes: words[3] * fragment,
            AvailableBytes: words[4] * fragment,
            Inodes: words[5],
            InodesFree: words[6],
            ReadOnly: (words[9] & ReadOnlyMountFlag) != 0);
    }

    /// <summary>Clock ticks per second, the unit of process start times in /proc/PID/stat (100 almost everywhere).</summary>
    public static long ClockTicksPerSecond()
    {
        var ticks = OperatingSystem.IsLinux() ? SysConf(ClockTicksName) : -1;
        return ticks > 0 ? ticks : 100;
    }

    [LibraryImport("libc", EntryPoint = "statvfs", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int StatVfsCall(string path, ulong* buffer);

    [LibraryImport("libc", EntryPoint = "sysconf")]
    private static partial long SysConf(int name);
}
