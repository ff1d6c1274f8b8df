using System.Text;

namespace Medic.Probes.Os;

/// <summary>The mounts this process sees (/proc/self/mountinfo), to tell a read-only file system from permissions.</summary>
internal sealed class MountTable
{
    private readonly List<(string MountPoint, bool ReadOnly)> _mounts;

    private MountTable(List<(string, bool)> mounts) => _mounts = mounts;

    public static MountTable Read(string path = "/proc/self/mountinfo")
    {
        var mounts = new List<(string, bool)>();
        foreach (var line in ProcFs.TryReadAllLines(path) ?? [])
        {
            // id parent major:minor root mount-point mount-options [optional…] - fstype source super-options
            var f = line.Split(' ');
            var dash = Array.IndexOf(f, "-");
            if (f.Length < 6 || dash < 6)
            {
                continue;
            }

            var readOnly = f[5].Split(',').Contains("ro")
                || (dash + 3 < f.Length && f[dash + 3].Split(',').Contains("ro"));
            mounts.Add((Unescape(f[4]), readOnly));
        }

        return new MountTable(mounts);
    }

    public bool IsEmpty => _mounts.Count == 0;

    /// <summary>
    /// Whether the mount holding <paramref name="canonicalPath"/> (symlinks already resolved) is read-only; null when
    /// no mount is known. The longest mount point wins, and of equal ones the last mounted, which hides the others.
    /// </summary>
    public bool? IsReadOnly(string canonicalPath)
    {
        (string MountPoint, bool ReadOnly)? best = null;
        foreach (var mount in _mounts)
        {
            if (Contains(mount.MountPoint, canonicalPath) && (best is null || mount.MountPoint.Length >= best.Value.MountPoint.Length))
            {
                best = mount;
            }
        }

        return best?.ReadOnly;
    }

    private static bool Contains(string mountPoint, string path) =>
        mountPoint == "/"
        || path == mountPoint
        || (path.StartsWith(mountPoint, StringComparison.Ordinal) && path[mountPoint.Length] == '/');

    /// <summary>mountinfo writes space, tab, newline and backslash in paths as octal escapes (\040).</summary>
    internal static string Unescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && IsOctal(text, i + 1))
            {
                bytes.Add((byte)(((text[i + 1] - '0') << 6) | ((text[i + 2] - '0') << 3) | (text[i + 3] - '0')));
                i += 3;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static bool IsOctal(string text, int at) =>
        at + 2 < text.Length && text[at] is >= '0' and <= '7' && text[at + 1] is >= '0' and <= '7' && text[at + 2] is >= '0' and <= '7';
}
