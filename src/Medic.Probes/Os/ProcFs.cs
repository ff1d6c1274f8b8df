using System.Globalization;

namespace Medic.Probes.Os;

/// <summary>
/// Small readers over /proc. Every one tolerates processes that end mid-scan and entries this user may not read:
/// what cannot be read is skipped, never an error.
/// </summary>
internal static class ProcFs
{
    public const string Root = "/proc";

    /// <summary>False where /proc is not mounted (or hidden), so callers can say they saw nothing rather than "nobody".</summary>
    public static bool Visible => File.Exists("/proc/self/status");

    public static int CurrentPid => Environment.ProcessId;

    public static IEnumerable<int> ProcessIds()
    {
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateDirectories(Root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var entry in entries)
        {
            if (int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                yield return pid;
            }
        }
    }

    /// <summary>The process's command name (<c>/proc/PID/comm</c>, at most 15 characters), or null when it is gone.</summary>
    public static string? ProcessName(int pid) =>
        TryReadAllText($"{Root}/{pid}/comm")?.TrimEnd('\n');

    /// <summary>The process's open descriptors as (fd link path, link text) pairs; empty when they cannot be read.</summary>
    public static IEnumerable<(string Path, string Target)> Descriptors(int pid)
    {
        string[] links;
        try
        {
            links = Directory.GetFileSystemEntries($"{Root}/{pid}/fd");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var link in links)
        {
            var target = ReadLink(link);
            if (target is not null)
            {
                yield return (link, target);
            }
        }
    }

    public static string? ReadLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static string? TryReadAllText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static string[]? TryReadAllLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The effective uid and gid and the supplementary groups of this process, from /proc/self/status.</summary>
    public static (uint Uid, uint Gid, IReadOnlyList<uint> Groups)? SelfCredentials()
    {
        var lines = TryReadAllLines($"{Root}/self/status");
        if (lines is null)
        {
            return null;
        }

        uint? uid = null, gid = null;
        List<uint> groups = [];
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var fields = line[(colon + 1)..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            switch (line[..colon])
            {
                // Uid/Gid lines list real, effective, saved and file-system ids; the effective one decides access.
                case "Uid" when fields.Length > 1:
                    uid = uint.Parse(fields[1], CultureInfo.InvariantCulture);
                    break;
                case "Gid" when fields.Length > 1:
                    gid = uint.Parse(fields[1], CultureInfo.InvariantCulture);
                    break;
                case "Groups":
                    groups.AddRange(fields.Select(f => uint.Parse(f, CultureInfo.InvariantCulture)));
                    break;
                default:
                    break;
            }
        }

        return uid is { } u && gid is { } g ? (u, g, groups) : null;
    }
}
