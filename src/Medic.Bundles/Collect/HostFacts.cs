using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace Medic.Bundles.Collect;

/// <summary>Facts about the machine medic ran on, and versions: OS, kernel, CPUs, memory, load, uptime, runtime.</summary>
public static class HostFacts
{
    public static JsonObject Collect(string baseDirectory, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var facts = new JsonObject
        {
            ["collected"] = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            ["hostname"] = Environment.MachineName,
            ["os"] = RuntimeInformation.OSDescription,
            ["architecture"] = RuntimeInformation.OSArchitecture.ToString(),
            ["processors"] = Environment.ProcessorCount,
            ["dotnet"] = RuntimeInformation.FrameworkDescription,
            ["medic"] = typeof(HostFacts).Assembly.GetName().Version?.ToString(3),
            ["kernel"] = FirstLine("/proc/version"),
            ["uptime_s"] = FirstLine("/proc/uptime")?.Split(' ')[0] is { } up && double.TryParse(up, CultureInfo.InvariantCulture, out var s) ? s : null,
            ["load_average"] = FirstLine("/proc/loadavg"),
            ["memory"] = Meminfo(),
        };
        try
        {
            var drive = new DriveInfo(Path.GetPathRoot(Path.GetFullPath(baseDirectory)) ?? "/");
            facts["disk"] = new JsonObject
            {
                ["mount"] = drive.RootDirectory.FullName,
                ["total_bytes"] = drive.TotalSize,
                ["free_bytes"] = drive.AvailableFreeSpace,
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            facts["disk"] = e.Message;
        }

        return facts;
    }

    private static JsonObject? Meminfo()
    {
        if (!File.Exists("/proc/meminfo"))
        {
            return null;
        }

        var o = new JsonObject();
        foreach (var line in File.ReadLines("/proc/meminfo").Take(5))
        {
            var parts = line.Split(':', 2);
            if (parts.Length == 2)
            {
                o[parts[0].Trim()] = parts[1].Trim();
            }
        }

        return o;
    }

    private static string? FirstLine(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadLines(path).FirstOrDefault() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
