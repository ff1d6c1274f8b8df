using Medic.Probes.Os;

namespace Medic.Probes.Host;

/// <summary>
/// The biggest entries directly under a folder, each with the total size of everything below it (like
/// <c>du -xs folder/*</c>), staying on the folder's file system and bounded by a time budget and an entry count.
/// </summary>
internal static class DirectorySizes
{
    public const int MaxEntries = 200_000;

    public sealed record Entry(string Path, string Type, long SizeBytes);

    /// <summary>The <paramref name="count"/> biggest children of <paramref name="folder"/>, and whether every entry was counted.</summary>
    public static (IReadOnlyList<Entry> Largest, bool Complete) Largest(string folder, int count, Func<bool> outOfTime, CancellationToken cancellationToken)
    {
        if (Native.Stat(folder) is not { IsDirectory: true } root)
        {
            return ([], true);
        }

        var budget = new Budget(MaxEntries, outOfTime);
        var children = new List<Entry>();
        foreach (var child in SafeEntries(folder))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (budget.Spent)
            {
                break;
            }

            if (Native.Stat(child, followLinks: false) is not { } status)
            {
                continue;
            }

            var size = status.IsDirectory && SameDevice(status, root) ? Total(child, root, budget, cancellationToken) + status.Size : status.Size;
            children.Add(new Entry(child, status.TypeName, size));
        }

        return ([.. children.OrderByDescending(e => e.SizeBytes).ThenBy(e => e.Path, StringComparer.Ordinal).Take(count)], !budget.Spent);
    }

    private static long Total(string folder, FileStatus root, Budget budget, CancellationToken cancellationToken)
    {
        long total = 0;
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0 && !budget.Spent)
        {
            foreach (var entry in SafeEntries(pending.Pop()))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!budget.Take())
                {
                    return total;
                }

                if (Native.Stat(entry, followLinks: false) is not { } status)
                {
                    continue;
                }

                total += status.Size;
                // Like du -x: another file system mounted below is not this disk's usage.
                if (status.IsDirectory && SameDevice(status, root))
                {
                    pending.Push(entry);
                }
            }
        }

        return total;
    }

    private static bool SameDevice(FileStatus a, FileStatus b) => a.Id.DevMajor == b.Id.DevMajor && a.Id.DevMinor == b.Id.DevMinor;

    private static IEnumerable<string> SafeEntries(string folder)
    {
        try
        {
            return Directory.GetFileSystemEntries(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private sealed class Budget(int entries, Func<bool> outOfTime)
    {
        private int _left = entries;

        public bool Spent { get; private set; }

        public bool Take()
        {
            // The clock is read every 256 entries: often enough to stop promptly, rarely enough to cost nothing.
            if (--_left < 0 || ((_left & 0xFF) == 0 && outOfTime()))
            {
                Spent = true;
            }

            return !Spent;
        }
    }
}
