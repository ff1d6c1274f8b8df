using System.Globalization;

namespace Medic.Probes.Os;

/// <summary>
/// Reads processes from /proc: their stat line, effective uid, command line, descriptor count and open-files limit,
/// and the host's boot time. A process that ends mid-read yields null, never an error.
/// </summary>
internal static class ProcessReader
{
    // Fields of /proc/PID/stat counted from the one after the command name (field 3, the state).
    private const int PpidField = 1;
    private const int UserTimeField = 11;
    private const int SystemTimeField = 12;
    private const int ThreadsField = 17;
    private const int StartTimeField = 19;
    private const int VsizeField = 20;
    private const int RssField = 21;

    public static ProcessInfo? Read(int pid)
    {
        var stat = ProcFs.TryReadAllText($"{ProcFs.Root}/{pid}/stat");
        return stat is null ? null : Parse(pid, stat, EffectiveUid(pid), Arguments(pid));
    }

    /// <summary>The stat line alone (no uid, no arguments): cheap enough to read for every process.</summary>
    public static ProcessInfo? ReadStat(int pid)
    {
        var stat = ProcFs.TryReadAllText($"{ProcFs.Root}/{pid}/stat");
        return stat is null ? null : Parse(pid, stat, null, []);
    }

    /// <summary>Parses a stat line; the command name sits in parentheses and may itself hold spaces and parentheses.</summary>
    internal static ProcessInfo? Parse(int pid, string stat, uint? uid, IReadOnlyList<string> arguments)
    {
        var open = stat.IndexOf('(', StringComparison.Ordinal);
        var close = stat.LastIndexOf(')');
        if (open < 0 || close < open || close + 2 >= stat.Length)
        {
            return null;
        }

        var f = stat[(close + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length <= RssField || f[0].Length != 1)
        {
            return null;
        }

        return new ProcessInfo(
            pid,
            (int)Number(f[PpidField]),
            stat[(open + 1)..close],
            f[0][0],
            uid,
            Number(f[RssField]) * Environment.SystemPageSize,
            Number(f[VsizeField]),
            (int)Number(f[ThreadsField]),
            (ulong)Number(f[StartTimeField]),
            (ulong)(Number(f[UserTimeField]) + Number(f[SystemTimeField])),
            arguments);
    }

    /// <summary>The arguments the process was started with (NUL-separated in /proc/PID/cmdline); empty for kernel threads.</summary>
    public static IReadOnlyList<string> Arguments(int pid) =>
        (ProcFs.TryReadAllText($"{ProcFs.Root}/{pid}/cmdline") ?? "").Split('\0', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>How many descriptors the process has open, or null when its fd folder cannot be read.</summary>
    public static int? OpenDescriptorCount(int pid)
    {
        try
        {
            return Directory.GetFileSystemEntries($"{ProcFs.Root}/{pid}/fd").Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The soft and hard "Max open files" limits (null means unlimited), or null when the limits cannot be read.</summary>
    public static (long? Soft, long? Hard)? OpenFilesLimit(int pid)
    {
        foreach (var line in ProcFs.TryReadAllLines($"{ProcFs.Root}/{pid}/limits") ?? [])
        {
            if (line.StartsWith("Max open files", StringComparison.Ordinal))
            {
                return ParseLimit(line["Max open files".Length..]);
            }
        }

        return null;
    }

    internal static (long? Soft, long? Hard)? ParseLimit(string values)
    {
        var f = values.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length < 2)
        {
            return null;
        }

        return (Limit(f[0]), Limit(f[1]));
    }

    /// <summary>When the machine booted (the btime line of /proc/stat), or null where /proc/stat cannot be read.</summary>
    public static DateTimeOffset? BootTime()
    {
        var line = (ProcFs.TryReadAllLines($"{ProcFs.Root}/stat") ?? []).FirstOrDefault(l => l.StartsWith("btime ", StringComparison.Ordinal));
        return line is not null && long.TryParse(line.AsSpan(6).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
    }

    /// <summary>The uid the process acts as (the effective one of /proc/PID/status), or null when it is gone.</summary>
    public static uint? EffectiveUid(int pid)
    {
        foreach (var line in ProcFs.TryReadAllLines($"{ProcFs.Root}/{pid}/status") ?? [])
        {
            if (line.StartsWith("Uid:", StringComparison.Ordinal))
            {
                // Real, effective, saved and file-system ids: the effective one is whom the process acts as.
                var f = line[4..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                return f.Length > 1 && uint.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var uid) ? uid : null;
            }
        }

        return null;
    }

    private static long? Limit(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static long Number(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
