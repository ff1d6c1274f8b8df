namespace Medic.Probes.Os;

/// <summary>Which processes hold a file or a socket open, found through their /proc/PID/fd links.</summary>
internal static class OpenFiles
{
    /// <summary>Processes other than this one that have any of <paramref name="files"/> open, by device and inode.</summary>
    public static IReadOnlyList<int> ProcessesWithOpen(IReadOnlySet<FileId> files, CancellationToken cancellationToken)
    {
        var found = new List<int>();
        if (files.Count == 0)
        {
            return found;
        }

        foreach (var pid in ProcFs.ProcessIds())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (pid == ProcFs.CurrentPid)
            {
                continue;
            }

            foreach (var (link, target) in ProcFs.Descriptors(pid))
            {
                // Only paths can be our files; stat-ing sockets, pipes and devices would be wasted calls.
                if (!target.StartsWith('/') || target.StartsWith("/dev/", StringComparison.Ordinal))
                {
                    continue;
                }

                // Following the fd link reaches the very file the process holds, even when paths differ
                // between mount namespaces or the file was renamed.
                if (Native.Stat(link) is { } status && files.Contains(status.Id))
                {
                    found.Add(pid);
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>For each socket inode, the processes (this one included) holding it, lowest PID first.</summary>
    public static IReadOnlyDictionary<ulong, List<int>> SocketOwners(IReadOnlySet<ulong> inodes, CancellationToken cancellationToken)
    {
        var owners = new Dictionary<ulong, List<int>>();
        if (inodes.Count == 0)
        {
            return owners;
        }

        foreach (var pid in ProcFs.ProcessIds().Order())
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var (_, target) in ProcFs.Descriptors(pid))
            {
                if (SocketInode(target) is { } inode && inodes.Contains(inode))
                {
                    if (!owners.TryGetValue(inode, out var pids))
                    {
                        owners[inode] = pids = [];
                    }

                    if (!pids.Contains(pid))
                    {
                        pids.Add(pid);
                    }
                }
            }
        }

        return owners;
    }

    /// <summary>The inode in a link text such as <c>socket:[123456]</c>.</summary>
    internal static ulong? SocketInode(string target) =>
        target.StartsWith("socket:[", StringComparison.Ordinal) && target.EndsWith(']')
        && ulong.TryParse(target.AsSpan(8, target.Length - 9), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var inode)
            ? inode
            : null;
}
