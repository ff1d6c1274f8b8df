using System.Runtime.InteropServices;

namespace Medic.Probes.Os;

/// <summary>The few libc calls the BCL does not offer: statx (device and inode numbers) and realpath.</summary>
internal static unsafe partial class Native
{
    public const int NoSuchFile = 2;
    public const int AccessDenied = 13;
    public const int NotADirectory = 20;

    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private const int PathMax = 4096;

    /// <summary>Stats <paramref name="path"/>; null with <paramref name="errno"/> set when the kernel refuses.</summary>
    public static FileStatus? Stat(string path, bool followLinks, out int errno)
    {
        var flags = followLinks ? 0 : AtSymlinkNoFollow;
        if (StatxCall(AtFdCwd, path, flags, StatxBasicStats, out var b) != 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return null;
        }

        errno = 0;
        var modified = DateTimeOffset.FromUnixTimeSeconds(b.ModifiedSeconds).AddTicks(b.ModifiedNanoseconds / 100);
        return new FileStatus(new FileId(b.DevMajor, b.DevMinor, b.Inode), b.Mode, b.Uid, b.Gid, (long)b.Size, b.Attributes, modified);
    }

    public static FileStatus? Stat(string path, bool followLinks = true) => Stat(path, followLinks, out _);

    /// <summary>The canonical path with every symbolic link resolved, or null when some part does not exist.</summary>
    public static string? RealPath(string path)
    {
        var buffer = stackalloc byte[PathMax + 1];
        var result = RealPathCall(path, buffer);
        return result == null ? null : Marshal.PtrToStringUTF8((nint)result);
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int StatxCall(int dirfd, string path, int flags, uint mask, out StatxBuffer buffer);

    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial byte* RealPathCall(string path, byte* resolved);
}
