using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Os;

namespace Medic.Probes.Host;

/// <summary>
/// <c>disk.usage</c>: for each path, the file system holding it (mount point, type, read-only) with its size, use and
/// inodes from statvfs; space still held by deleted files that processes keep open; optionally the biggest entries
/// under a folder.
/// </summary>
public sealed partial class DiskUsageProbe : IProbe
{
    private const int MaxLargest = 50;

    public string Name => "disk.usage";

    public string Description =>
        "disk use for paths: mount point, file system, size/used/available bytes, used ratio, inodes, read-only; "
        + "space held by deleted open files; optionally the biggest entries under a folder";

    public IReadOnlyList<string> Kinds { get; } = ["host"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("paths", ParameterType.StringList, Description: "files and folders (default: the component's paths, else /)"),
        new("largest", ParameterType.Int, Description: "list this many biggest entries under each folder, like du (default 0: none; at most 50)"),
    ];

    public Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.Run(() => Run(context, cancellationToken), cancellationToken);
    }

    private static ProbeResult Run(ProbeContext context, CancellationToken cancellationToken)
    {
        var paths = context.GetPaths("paths");
        if (paths.Count == 0)
        {
            paths.Add("/");
        }

        var largest = context.GetInt("largest") ?? 0;
        if (largest is < 0 or > MaxLargest)
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, $"'largest' must be between 0 and {MaxLargest}, not {largest}");
        }

        // Folder sizes get half the time budget; the rest is for statvfs and the descriptor scan.
        var started = context.Time.GetTimestamp();
        bool OutOfTime() => context.Time.GetElapsedTime(started) > context.Timeout / 2;
        var mounts = MountTable.Read();
        var entries = new List<(JsonObject Json, Mount? Mount)>();
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            entries.Add(Describe(path, mounts, (int)largest, OutOfTime, cancellationToken));
        }

        var deleted = DeletedOpenFiles(entries.Select(e => e.Mount).OfType<Mount>().Distinct().ToList(), cancellationToken);
        foreach (var (json, mount) in entries)
        {
            json["deleted_open_bytes"] = mount is null ? null : deleted.Where(d => d.Mount == mount).Sum(d => d.SizeBytes);
        }

        var described = entries.Select(e => e.Json).ToList();
        return ProbeResult.Ok(new JsonObject
        {
            ["paths"] = new JsonArray([.. described]),
            ["max_used_ratio"] = Max(described, "used_ratio"),
            ["max_inodes_used_ratio"] = Max(described, "inodes_used_ratio"),
            ["min_available_bytes"] = described.Select(e => e["available_bytes"]?.GetValue<long>()).Where(v => v is not null).Min(),
            ["deleted_open"] = new JsonArray([.. deleted.OrderByDescending(d => d.SizeBytes).Take(10).Select(d => (JsonNode)d.ToJson())]),
        });
    }

    private static (JsonObject, Mount?) Describe(string path, MountTable mounts, int largest, Func<bool> outOfTime, CancellationToken cancellationToken)
    {
        var entry = new JsonObject { ["path"] = path };
        var existing = NearestExisting(path);
        entry["exists"] = existing == path;
        if (existing is null)
        {
            entry["error"] = "neither the path nor any folder above it can be looked up";
            return (entry, null);
        }

        // A path not created yet will live on the disk of its nearest existing folder.
        var canonical = Native.RealPath(existing) ?? existing;
        var mount = mounts.Find(canonical);
        entry["measured_at"] = existing == path ? null : existing;
        entry["mount_point"] = mount?.MountPoint;
        entry["fs_type"] = mount?.FsType;
        entry["source"] = mount?.Source;
        var stats = Native.StatVfs(canonical, out var errno) ?? (errno == 0 && mount is not null ? FileSystemStats.FromDrive(mount.MountPoint) : null);
        if (stats is null)
        {
            entry["error"] = errno == Native.AccessDenied ? "permission denied" : $"statvfs failed (errno {errno})";
            entry["read_only"] = mount?.ReadOnly;
            return (entry, mount);
        }

        entry["read_only"] = stats.ReadOnly || mount?.ReadOnly == true;
        entry["size_bytes"] = (long)stats.TotalBytes;
        entry["used_bytes"] = (long)stats.UsedBytes;
        entry["available_bytes"] = (long)stats.AvailableBytes;
        entry["used_ratio"] = Round(stats.UsedRatio);
        entry["inodes_total"] = (long)stats.Inodes;
        entry["inodes_used"] = (long)stats.InodesUsed;
        entry["inodes_free"] = (long)stats.InodesFree;
        entry["inodes_used_ratio"] = Round(stats.InodesUsedRatio);
        if (largest > 0 && existing == path && Directory.Exists(path))
        {
            var (biggest, complete) = DirectorySizes.Largest(path, largest, outOfTime, cancellationToken);
            entry["largest"] = new JsonArray([.. biggest.Select(b => (JsonNode)new JsonObject
            {
                ["path"] = b.Path,
                ["type"] = b.Type,
                ["size_bytes"] = b.SizeBytes,
            })]);
            entry["largest_complete"] = complete;
        }

        return (entry, mount);
    }

    private static string? NearestExisting(string path)
    {
        for (var p = path; !string.IsNullOrEmpty(p); p = Path.GetDirectoryName(p))
        {
            if (Native.Stat(p) is not null)
            {
                return p;
            }
        }

        return null;
    }

    private static double? Round(double? ratio) => ratio is { } r ? Math.Round(r, 4) : null;

    private static double? Max(List<JsonObject> entries, string field) =>
        entries.Select(e => e[field]?.GetValue<double>()).Where(v => v is not null).Max();
}
