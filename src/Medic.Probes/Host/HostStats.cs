using System.Globalization;
using Medic.Probes.Os;

namespace Medic.Probes.Host;

/// <summary>Parsers for the host-wide files in /proc: meminfo, loadavg, uptime, pressure, and the CPU lines of stat.</summary>
internal static class HostStats
{
    /// <summary>The byte counts of /proc/meminfo by field name (its "kB" are KiB).</summary>
    public static Dictionary<string, long> MemInfo(IEnumerable<string> lines)
    {
        var fields = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var f = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length > 0 && long.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                fields[line[..colon]] = f.Length > 1 && f[1] == "kB" ? n * 1024 : n;
            }
        }

        return fields;
    }

    /// <summary>/proc/loadavg: <c>0.52 0.58 0.59 2/512 12345</c> — three averages, runnable/total tasks.</summary>
    public static (double Avg1, double Avg5, double Avg15, int Runnable, int Tasks)? LoadAverage(string text)
    {
        var f = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length < 4 || !TryDouble(f[0], out var a1) || !TryDouble(f[1], out var a5) || !TryDouble(f[2], out var a15))
        {
            return null;
        }

        var tasks = f[3].Split('/');
        return (a1, a5, a15, tasks.Length == 2 ? Int(tasks[0]) : 0, tasks.Length == 2 ? Int(tasks[1]) : 0);
    }

    /// <summary>/proc/pressure/memory: the share of time (percent) some or all tasks stalled waiting for memory.</summary>
    public static Dictionary<string, double> Pressure(IEnumerable<string> lines)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var pair in f.Skip(1))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0 && pair[..eq] != "total" && TryDouble(pair[(eq + 1)..], out var v))
                {
                    values[$"{f[0]}_{pair[..eq]}"] = v;
                }
            }
        }

        return values;
    }

    /// <summary>Online CPUs: the <c>cpuN</c> lines of /proc/stat (the plain <c>cpu</c> line sums them).</summary>
    public static int CpuCount(IEnumerable<string> statLines) =>
        statLines.Count(l => l.Length > 3 && l.StartsWith("cpu", StringComparison.Ordinal) && char.IsAsciiDigit(l[3]));

    /// <summary>Seconds since boot, the first number of /proc/uptime.</summary>
    public static double? Uptime(string? text) =>
        text is not null && TryDouble(text.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "", out var s) ? s : null;

    /// <summary>
    /// This process's memory cgroup limit and usage (cgroup v2 memory.max/current, or v1 limit_in_bytes/usage_in_bytes);
    /// a limit of "max" or near 2^63 is no limit (null).
    /// </summary>
    public static (string Path, long? Limit, long? Usage)? Cgroup(string cgroupRoot = "/sys/fs/cgroup", string self = "/proc/self/cgroup")
    {
        string? v1 = null, v2 = null;
        foreach (var line in ProcFs.TryReadAllLines(self) ?? [])
        {
            var f = line.Split(':', 3);
            if (f.Length == 3 && f[0] == "0" && f[1].Length == 0)
            {
                v2 = f[2];
            }
            else if (f.Length == 3 && f[1].Split(',').Contains("memory"))
            {
                v1 = f[2];
            }
        }

        if (v1 is not null)
        {
            var folder = $"{cgroupRoot}/memory{v1.TrimEnd('/')}";
            return (v1, Bytes($"{folder}/memory.limit_in_bytes"), Bytes($"{folder}/memory.usage_in_bytes"));
        }

        foreach (var root in new[] { cgroupRoot, $"{cgroupRoot}/unified" })
        {
            var folder = $"{root}{v2?.TrimEnd('/')}";
            if (v2 is not null && File.Exists($"{folder}/memory.current"))
            {
                return (v2, Bytes($"{folder}/memory.max"), Bytes($"{folder}/memory.current"));
            }
        }

        return null;
    }

    private static long? Bytes(string file)
    {
        var text = ProcFs.TryReadAllText(file)?.Trim();
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < (1L << 62) ? n : null;
    }

    private static bool TryDouble(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static int Int(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
