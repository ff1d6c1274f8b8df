using System.Text.Json.Nodes;
using Medic.Probes.Os;

namespace Medic.Probes.Host;

public sealed partial class ProcessListProbe
{
    private static JsonObject Describe(JsonObject query, List<ProcessInfo> found, DateTimeOffset now)
    {
        var boot = ProcessReader.BootTime();
        var ticks = (double)Native.ClockTicksPerSecond();
        var users = UserDatabase.Load();
        var processes = found.Take(MaxListed).Select(p => Describe(p, boot, ticks, now, users)).ToList();
        var started = found.Select(p => Started(p, boot, ticks)).OfType<DateTimeOffset>().ToList();
        var ratios = processes.Select(p => p["fd_used_ratio"]?.GetValue<double>()).OfType<double>().ToList();
        return new JsonObject
        {
            ["query"] = query,
            ["running"] = found.Count > 0,
            ["count"] = found.Count,
            ["processes"] = new JsonArray([.. processes]),
            ["total_rss_bytes"] = found.Sum(p => p.RssBytes),
            ["oldest_started_at"] = started.Count > 0 ? started.Min().ToString("o") : null,
            ["newest_started_at"] = started.Count > 0 ? started.Max().ToString("o") : null,
            ["newest_uptime_ms"] = started.Count > 0 ? (long)(now - started.Max()).TotalMilliseconds : null,
            ["max_fd_used_ratio"] = ratios.Count > 0 ? ratios.Max() : null,
        };
    }

    private static JsonNode Describe(ProcessInfo p, DateTimeOffset? boot, double ticks, DateTimeOffset now, UserDatabase users)
    {
        var open = ProcessReader.OpenDescriptorCount(p.Pid);
        var limit = ProcessReader.OpenFilesLimit(p.Pid);
        var started = Started(p, boot, ticks);
        return new JsonObject
        {
            ["pid"] = p.Pid,
            ["ppid"] = p.ParentPid,
            ["name"] = p.Name,
            ["user"] = p.Uid is { } uid ? users.UserName(uid) : null,
            ["uid"] = p.Uid,
            ["state"] = p.State.ToString(),
            ["state_name"] = p.StateName,
            ["rss_bytes"] = p.RssBytes,
            ["virtual_bytes"] = p.VirtualBytes,
            ["threads"] = p.Threads,
            ["cpu_ms"] = (long)(p.CpuTicks / ticks * 1000),
            ["open_files"] = open,
            ["fd_limit"] = limit?.Soft,
            ["fd_limit_hard"] = limit?.Hard,
            ["fd_used_ratio"] = open is { } o && limit?.Soft is > 0 and var soft ? Math.Round((double)o / soft, 4) : null,
            ["started_at"] = started?.ToString("o"),
            ["uptime_ms"] = started is { } s ? Math.Max(0, (long)(now - s).TotalMilliseconds) : null,
            ["cmdline"] = string.Join(' ', SecretText.MaskArguments(p.Arguments)),
        };
    }

    // Start times count clock ticks since boot; btime has whole seconds, close enough for "started 3 minutes ago".
    private static DateTimeOffset? Started(ProcessInfo p, DateTimeOffset? boot, double ticks) =>
        boot?.AddSeconds(p.StartTicks / ticks);
}
