namespace Medic.Probes.Os;

/// <summary>What statvfs says about a file system: sizes in bytes and inode counts.</summary>
internal sealed record FileSystemStats(ulong TotalBytes, ulong FreeBytes, ulong AvailableBytes, ulong Inodes, ulong InodesFree, bool ReadOnly)
{
    /// <summary>Blocks in use, root's reserve excluded: total less free.</summary>
    public ulong UsedBytes => TotalBytes - FreeBytes;

    /// <summary>
    /// Used over what users can fill (used plus available), as <c>df</c> computes its Use%: the blocks reserved for
    /// root count neither way, so a disk is 100% full when ordinary users can write nothing more.
    /// </summary>
    public double? UsedRatio => UsedBytes + AvailableBytes == 0 ? null : (double)UsedBytes / (UsedBytes + AvailableBytes);

    public ulong InodesUsed => Inodes - InodesFree;

    /// <summary>Null for file systems without a fixed inode table (btrfs, some network file systems report 0).</summary>
    public double? InodesUsedRatio => Inodes == 0 ? null : (double)InodesUsed / Inodes;

    /// <summary>
    /// The fallback where statvfs's layout is not known: DriveInfo gives sizes for the mount, but no inode counts.
    /// </summary>
    public static FileSystemStats? FromDrive(string mountPoint)
    {
        try
        {
            var drive = new DriveInfo(mountPoint);
            var total = (ulong)drive.TotalSize;
            var free = (ulong)drive.TotalFreeSpace;
            return new FileSystemStats(total, free, (ulong)drive.AvailableFreeSpace, 0, 0, ReadOnly: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
