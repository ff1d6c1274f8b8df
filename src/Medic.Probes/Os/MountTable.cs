using System.Globalization;
using System.Text;

namespace Medic.Probes.Os;

/// <summary>
/// The mounts this process sees (/proc/self/mountinfo): which file system holds a path, its type, and whether it is
/// read-only (to tell a read-only file system from permissions).
/// </summary>
internal sealed class MountTable
{
    private readonly List<Mount> _mounts;

    private MountTable(List<Mount> mounts) => _mounts = mounts;

    public IReadOnlyList<Mount> Mounts => _mounts;

    public static MountTable Read(string path = "/proc/self/mountinfo")
    {
        var mounts = new List<Mount>();
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
            var device = f[2].Split(':');
            var major = device.Length == 2 && uint.TryParse(device[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ma) ? ma : 0;
            var minor = device.Length == 2 && uint.TryParse(device[1], NumberStyles.None, CultureInfo.InvariantCulture, out var mi) ? mi : 0;
            var fsType = dash + 1 < f.Length ? f[dash + 1] : "";
            var source = dash + 2 < f.Length ? Unescape(f[dash + 2]) : "";
            mounts.Add(new Mount(Unescape(f[4]), fsType, source, readOnly, major, minor));
        }

        return new MountTable(mounts);
    }

    public bool IsEmpty => _mounts.Count == 0;

    /// <summary>Whether the mount holding <paramref name="canonicalPath"/> is read-only; null when no mount is known.</summary>
    public bool? IsReadOnly(string canonicalPath) => Find(canonicalPath)?.ReadOnly;

    /// <summary>
    /// The mount holding <paramref name="canonicalPath"/> (symlinks already resolved), or null when none is known.
    /// The longest mount point wins, and of equal ones the last mounted, which hides the others.
    /// </summary>
    public Mount? Find(string canonicalPath)
    {
        Mount? best = null;
        foreach (var mount in _mounts)
        {
            if (mount.Contains(canonicalPath) && (best is null || mount.MountPoint.Length >= best.MountPoint.Length))
            {
                best = mount;
            }
        }

        return best;
    }

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
