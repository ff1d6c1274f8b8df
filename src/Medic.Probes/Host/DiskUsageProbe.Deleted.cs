using System.Text.Json.Nodes;
using Medic.Probes.Os;

namespace Medic.Probes.Host;

public sealed partial class DiskUsageProbe
{
    /// <summary>
    /// Files deleted while a process still holds them open keep their blocks until the last descriptor closes: the
    /// classic "df says full, du finds nothing" (a rotated log the service never reopened). One entry per file.
    /// </summary>
    private static List<DeletedOpenFile> DeletedOpenFiles(IReadOnlyList<Mount> mounts, CancellationToken cancellationToken)
    {
        var found = new Dictionary<FileId, DeletedOpenFile>();
        if (mounts.Count == 0)
        {
            return [];
        }

        foreach (var handle in OpenFiles.Handles(t => t.EndsWith(" (deleted)", StringComparison.Ordinal), cancellationToken))
        {
            var mount = mounts.FirstOrDefault(m => m.DevMajor == handle.File.Id.DevMajor && m.DevMinor == handle.File.Id.DevMinor);
            if (mount is null || !handle.File.IsRegularFile || found.ContainsKey(handle.File.Id))
            {
                continue;
            }

            found[handle.File.Id] = new DeletedOpenFile(handle.Pid, ProcFs.ProcessName(handle.Pid), handle.Path, handle.File.Size, mount);
        }

        return [.. found.Values];
    }

    private sealed record DeletedOpenFile(int Pid, string? Process, string Path, long SizeBytes, Mount Mount)
    {
        public JsonObject ToJson() => new()
        {
            ["pid"] = Pid,
            ["process"] = Process,
            ["path"] = Path,
            ["size_bytes"] = SizeBytes,
            ["mount_point"] = Mount.MountPoint,
        };
    }
}
