using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Os;

namespace Medic.Probes.Host;

/// <summary>
/// <c>host.memory</c>: memory and swap (/proc/meminfo), load averages and CPU count, uptime, memory pressure stalls,
/// this process's memory cgroup limit, and the processes using the most memory.
/// </summary>
public sealed class HostMemoryProbe : IProbe
{
    private const int MaxTop = 50;

    public string Name => "host.memory";

    public string Description =>
        "memory and swap use, load averages per CPU, uptime, memory pressure stalls, the cgroup memory limit, and the biggest processes by RSS";

    public IReadOnlyList<string> Kinds { get; } = ["host"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("top", ParameterType.Int, Description: "how many of the biggest processes by RSS to list (default 5, at most 50)"),
    ];

    public Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.Run(() => Run(context, cancellationToken), cancellationToken);
    }

    private static ProbeResult Run(ProbeContext context, CancellationToken cancellationToken)
    {
        var top = context.GetInt("top") ?? 5;
        if (top is < 0 or > MaxTop)
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, $"'top' must be between 0 and {MaxTop}, not {top}");
        }

        if (ProcFs.TryReadAllLines($"{ProcFs.Root}/meminfo") is not { } memInfo)
        {
            return ProbeResult.Fail(ErrorKinds.Unsupported, "cannot read /proc/meminfo: no way to see memory here");
        }

        var m = HostStats.MemInfo(memInfo);
        var total = m.GetValueOrDefault("MemTotal");
        var free = m.GetValueOrDefault("MemFree");
        // Kernels before 3.14 lack MemAvailable; free plus page cache is the old approximation.
        var available = m.TryGetValue("MemAvailable", out var a) ? a : free + m.GetValueOrDefault("Buffers") + m.GetValueOrDefault("Cached");
        var swapTotal = m.GetValueOrDefault("SwapTotal");
        var swapFree = m.GetValueOrDefault("SwapFree");
        var cpus = HostStats.CpuCount(ProcFs.TryReadAllLines($"{ProcFs.Root}/stat") ?? []);
        var load = HostStats.LoadAverage(ProcFs.TryReadAllText($"{ProcFs.Root}/loadavg") ?? "");
        var uptime = HostStats.Uptime(ProcFs.TryReadAllText($"{ProcFs.Root}/uptime"));
        var pressure = ProcFs.TryReadAllLines($"{ProcFs.Root}/pressure/memory") is { } p ? HostStats.Pressure(p) : null;
        var cgroup = HostStats.Cgroup();
        cancellationToken.ThrowIfCancellationRequested();
        return ProbeResult.Ok(new JsonObject
        {
            ["memory"] = new JsonObject
            {
                ["total_bytes"] = total,
                ["available_bytes"] = available,
                ["used_bytes"] = total - available,
                ["free_bytes"] = free,
                ["cached_bytes"] = m.GetValueOrDefault("Cached") + m.GetValueOrDefault("Buffers"),
                ["used_ratio"] = Ratio(total - available, total),
            },
            ["swap"] = new JsonObject
            {
                ["total_bytes"] = swapTotal,
                ["free_bytes"] = swapFree,
                ["used_bytes"] = swapTotal - swapFree,
                ["used_ratio"] = Ratio(swapTotal - swapFree, swapTotal),
            },
            ["load"] = load is not { } l ? null : new JsonObject
            {
                ["avg1"] = l.Avg1,
                ["avg5"] = l.Avg5,
                ["avg15"] = l.Avg15,
                ["runnable"] = l.Runnable,
                ["tasks"] = l.Tasks,
                ["avg5_per_cpu"] = cpus > 0 ? Math.Round(l.Avg5 / cpus, 3) : null,
            },
            ["cpu_count"] = cpus > 0 ? cpus : Environment.ProcessorCount,
            ["uptime_ms"] = uptime is { } u ? (long)(u * 1000) : null,
            ["booted_at"] = uptime is { } up ? context.Time.GetUtcNow().AddSeconds(-up).ToString("o") : null,
            ["pressure"] = pressure is null ? null : new JsonObject
            {
                ["some_avg10"] = pressure.GetValueOrDefault("some_avg10"),
                ["some_avg60"] = pressure.GetValueOrDefault("some_avg60"),
                ["full_avg10"] = pressure.GetValueOrDefault("full_avg10"),
                ["full_avg60"] = pressure.GetValueOrDefault("full_avg60"),
            },
            ["cgroup"] = cgroup is not { } c ? null : new JsonObject
            {
                ["path"] = c.Path,
                ["limit_bytes"] = c.Limit,
                ["usage_bytes"] = c.Usage,
                ["used_ratio"] = c.Limit is { } limit && c.Usage is { } usage ? Ratio(usage, limit) : null,
            },
            ["top_processes"] = new JsonArray([.. Biggest((int)top, cancellationToken)]),
        });
    }

    private static IEnumerable<JsonNode> Biggest(int count, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return [];
        }

        var all = new List<ProcessInfo>();
        foreach (var pid in ProcFs.ProcessIds())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ProcessReader.ReadStat(pid) is { } info)
            {
                all.Add(info);
            }
        }

        return all.OrderByDescending(p => p.RssBytes).Take(count).Select(p => (JsonNode)new JsonObject
        {
            ["pid"] = p.Pid,
            ["name"] = p.Name,
            ["rss_bytes"] = p.RssBytes,
        });
    }

    private static double? Ratio(long part, long whole) => whole > 0 ? Math.Round((double)part / whole, 4) : null;
}
