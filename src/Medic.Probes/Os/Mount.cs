namespace Medic.Probes.Os;

/// <summary>One line of /proc/self/mountinfo: where a file system is mounted, its type, source and device.</summary>
internal sealed record Mount(string MountPoint, string FsType, string Source, bool ReadOnly, uint DevMajor, uint DevMinor)
{
    /// <summary>Whether <paramref name="path"/> (canonical) lies on or below this mount point.</summary>
    public bool Contains(string path) =>
        MountPoint == "/"
        || path == MountPoint
        || (path.StartsWith(MountPoint, StringComparison.Ordinal) && path.Length > MountPoint.Length && path[MountPoint.Length] == '/');
}
