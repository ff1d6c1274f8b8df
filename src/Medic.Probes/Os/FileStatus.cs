namespace Medic.Probes.Os;

/// <summary>What <c>statx</c> says about one file.</summary>
internal sealed record FileStatus(FileId Id, uint Mode, uint Uid, uint Gid, long Size, ulong Attributes, DateTimeOffset Modified)
{
    private const uint TypeMask = 0xF000;
    private const ulong ImmutableAttribute = 0x10;

    public bool IsDirectory => (Mode & TypeMask) == 0x4000;

    public bool IsRegularFile => (Mode & TypeMask) == 0x8000;

    public bool IsSymlink => (Mode & TypeMask) == 0xA000;

    /// <summary>chattr +i: not even root may write it.</summary>
    public bool IsImmutable => (Attributes & ImmutableAttribute) != 0;

    public uint Permissions => Mode & 0xFFF;

    public string TypeName => IsDirectory ? "directory" : IsRegularFile ? "file" : IsSymlink ? "symlink" : "other";
}
