namespace Medic.Probes.Binary;

/// <summary>
/// Finds every library an ELF object needs, and those they need in turn, in the dynamic loader's order: a name with a
/// slash as given; DT_RPATH (of the object, then of the executable) when the object has no DT_RUNPATH;
/// LD_LIBRARY_PATH; DT_RUNPATH; /etc/ld.so.cache (or, without a cache, the ld.so.conf folders); then the default
/// folders. <c>$ORIGIN</c>, <c>$LIB</c> and <c>$PLATFORM</c> are expanded. A candidate of another ELF class or machine
/// is skipped, as ld.so skips it. Libraries are only read, never loaded.
/// </summary>
public sealed class LibraryResolver(IReadOnlyList<string> libraryPath, LdCache? cache, IReadOnlyList<string> configFolders)
{
    /// <summary>At most this many objects are followed.</summary>
    public const int MaxObjects = 512;

    /// <summary>The system's loader settings: /etc/ld.so.cache and /etc/ld.so.conf.</summary>
    public static LibraryResolver ForSystem(IReadOnlyList<string> libraryPath)
    {
        LdCache? cache;
        try
        {
            cache = LdCache.Load();
        }
        catch (ElfFormatException)
        {
            cache = null;
        }

        return new LibraryResolver(libraryPath, cache, cache is null ? LdConfig.Folders() : []);
    }

    public IReadOnlyList<ResolvedLibrary> Resolve(ElfFile root, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        var results = new List<ResolvedLibrary>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<(ElfFile Object, string Origin)>();
        queue.Enqueue((root, OriginOf(root.Path, realPath: true)));
        var visited = 0;
        while (queue.Count > 0 && visited++ < MaxObjects)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (current, origin) = queue.Dequeue();
            foreach (var name in current.Needed)
            {
                if (!seen.Add(name))
                {
                    continue;
                }

                var (path, via, elf) = Find(name, current, origin, root);
                results.Add(new ResolvedLibrary(name, path, System.IO.Path.GetFileName(current.Path), via));
                if (elf is not null)
                {
                    queue.Enqueue((elf, OriginOf(path!, realPath: false)));
                }
            }
        }

        return results;
    }

    private (string? Path, string? Via, ElfFile? Elf) Find(string name, ElfFile needer, string origin, ElfFile root)
    {
        if (name.Contains('/', StringComparison.Ordinal))
        {
            var direct = name.StartsWith('/') ? name : System.IO.Path.Combine(origin, name);
            return Try(direct, root) is { } elf ? (direct, "path", elf) : (null, null, null);
        }

        var searches = new List<(string Via, IEnumerable<string> Folders)>();
        if (needer.RunPath.Count == 0)
        {
            searches.Add(("rpath", Expand(needer.RPath, origin, root)));
            if (!ReferenceEquals(needer, root) && root.RunPath.Count == 0)
            {
                searches.Add(("rpath", Expand(root.RPath, OriginOf(root.Path, realPath: true), root)));
            }
        }

        searches.Add(("LD_LIBRARY_PATH", Expand(libraryPath, origin, root)));
        searches.Add(("runpath", Expand(needer.RunPath, origin, root)));
        foreach (var (via, folders) in searches)
        {
            foreach (var folder in folders)
            {
                var candidate = System.IO.Path.Combine(folder, name);
                if (Try(candidate, root) is { } elf)
                {
                    return (candidate, via, elf);
                }
            }
        }

        foreach (var candidate in cache?.Find(name) ?? [])
        {
            if (Try(candidate, root) is { } elf)
            {
                return (candidate, "ld.so.cache", elf);
            }
        }

        foreach (var folder in configFolders.Concat(DefaultFolders(root.Machine)))
        {
            var candidate = System.IO.Path.Combine(folder, name);
            if (Try(candidate, root) is { } elf)
            {
                return (candidate, "default", elf);
            }
        }

        return (null, null, null);
    }

    /// <summary>The candidate's headers when it is an ELF64 object for the same machine, else null.</summary>
    private static ElfFile? Try(string candidate, ElfFile root)
    {
        if (!File.Exists(candidate))
        {
            return null;
        }

        try
        {
            var elf = ElfFile.Read(candidate);
            return elf.Machine == root.Machine && elf.BigEndian == root.BigEndian ? elf : null;
        }
        catch (Exception e) when (e is ElfFormatException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Expand(IEnumerable<string> folders, string origin, ElfFile root) =>
        folders.Where(f => f.Length > 0).Select(f => f
            .Replace("${ORIGIN}", origin, StringComparison.Ordinal).Replace("$ORIGIN", origin, StringComparison.Ordinal)
            .Replace("${LIB}", LibName(root.Machine), StringComparison.Ordinal).Replace("$LIB", LibName(root.Machine), StringComparison.Ordinal)
            .Replace("${PLATFORM}", Platform(root.Machine), StringComparison.Ordinal).Replace("$PLATFORM", Platform(root.Machine), StringComparison.Ordinal));

    private static string OriginOf(string path, bool realPath)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (realPath)
        {
            try
            {
                full = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
            }
            catch (IOException)
            {
            }
        }

        return System.IO.Path.GetDirectoryName(full) ?? "/";
    }

    public static IReadOnlyList<string> DefaultFolders(int machine) => Triplet(machine) is { } triplet
        ? [$"/lib/{triplet}", $"/usr/lib/{triplet}", "/lib64", "/usr/lib64", "/lib", "/usr/lib"]
        : ["/lib64", "/usr/lib64", "/lib", "/usr/lib"];

    private static string? Triplet(int machine) => machine switch
    {
        ElfFile.MachineX86_64 => "x86_64-linux-gnu",
        ElfFile.MachineAArch64 => "aarch64-linux-gnu",
        _ => null,
    };

    private static string LibName(int machine) => Triplet(machine) is { } t ? "lib/" + t : "lib64";

    private static string Platform(int machine) => machine switch
    {
        ElfFile.MachineX86_64 => "x86_64",
        ElfFile.MachineAArch64 => "aarch64",
        _ => "unknown",
    };
}
