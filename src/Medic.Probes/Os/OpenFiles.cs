namespace Medic.Probes.Os;

/// <summary>Which processes hold a file or a socket open, found through their /proc/PID/fd links.</summary>
internal static class OpenFiles
{
    /// <summary>Processes other than this one that have any of <paramref name="files"/> open, by device and inode.</summary>
    public static IReadOnlyList<int> ProcessesWithOpen(IReadOnlySet<FileId> files, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return [];
        }

        return [.. Handles(_ => true, cancellationToken).Where(h => files.Contains(h.File.Id)).Select(h => h.Pid).Distinct()];
    }

    /// <summary>
    /// Every descriptor a process other than this one holds on a file whose link text passes <paramref name="wanted"/>
    /// (the path, possibly ending in " (deleted)"), lowest PID first.
    /// </summary>
    public static IEnumerable<OpenHandle> Handles(Func<string, bool> wanted, CancellationToken cancellationToken)
    {
        foreach (var pid in ProcFs.ProcessIds().Order())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (pid == ProcFs.CurrentPid)
            {
                continue;
            }

            foreach (var (link, target) in ProcFs.Descriptors(pid))
            {
                // Only paths can be files; stat-ing sockets, pipes and devices would be wasted calls.
                if (!target.StartsWith('/') || target.StartsWith("/dev/", StringComparison.Ordinal) || !wanted(target))
                {
                    continue;
                }

                // Following the fd link reaches the very file the process holds, even when paths differ
                // between mount namespaces or the file was renamed or deleted.
                if (Native.Stat(link) is { } status
                    && int.TryParse(System.IO.Path.GetFileName(link), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var fd))
                {
                    yield return new OpenHandle(pid, fd, target, status);
                }
            }
        }
    }

    /// <summary>How a descriptor was opened (the access mode in /proc/PID/fdinfo/FD): read, write or read_write; null when unknown.</summary>
    public static string? AccessMode(int pid, int fd)
    {
        foreach (var line in ProcFs.TryReadAllLines($"{ProcFs.Root}/{pid}/fdinfo/{fd}") ?? [])
        {
            if (line.StartsWith("flags:", StringComparison.Ordinal))
            {
                return ParseAccessMode(line[6..].Trim());
            }
        }

        return null;
    }

    /// <summary>The O_ACCMODE bits of an octal flags word.</summary>
    internal static string? ParseAccessMode(string octalFlags)
    {
        long flags = 0;
        foreach (var c in octalFlags)
        {
            if (c is < '0' or > '7')
            {
                return null;
            }

            flags = (flags * 8) + (c - '0');
        }

        return (flags & 3) switch
        {
            0 => "read",
            1 => "write",
            2 => "read_write",
            _ => null,
        };
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
