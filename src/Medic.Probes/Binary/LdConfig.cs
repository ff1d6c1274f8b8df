namespace Medic.Probes.Binary;

/// <summary>The folders named in <c>/etc/ld.so.conf</c> and the files it includes (globs allowed), in order.</summary>
public static class LdConfig
{
    private const int MaxDepth = 8;

    public static IReadOnlyList<string> Folders(string path = "/etc/ld.so.conf")
    {
        var folders = new List<string>();
        Read(path, folders, 0);
        return folders;
    }

    private static void Read(string path, List<string> folders, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var raw in lines)
        {
            var hash = raw.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? raw[..hash] : raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("include", StringComparison.Ordinal) && line.Length > 7 && char.IsWhiteSpace(line[7]))
            {
                var pattern = line[8..].Trim();
                if (!Path.IsPathRooted(pattern))
                {
                    pattern = Path.Combine(Path.GetDirectoryName(path) ?? "/", pattern);
                }

                foreach (var file in Glob(pattern))
                {
                    Read(file, folders, depth + 1);
                }
            }
            else if (line.StartsWith('/') && !folders.Contains(line, StringComparer.Ordinal))
            {
                folders.Add(line.TrimEnd('/'));
            }
        }
    }

    /// <summary>A glob in the last path segment only, as ld.so.conf uses it (<c>/etc/ld.so.conf.d/*.conf</c>).</summary>
    private static IEnumerable<string> Glob(string pattern)
    {
        var folder = Path.GetDirectoryName(pattern) ?? "/";
        var name = Path.GetFileName(pattern);
        if (!name.Contains('*', StringComparison.Ordinal) && !name.Contains('?', StringComparison.Ordinal))
        {
            return File.Exists(pattern) ? [pattern] : [];
        }

        try
        {
            return Directory.Exists(folder) ? Directory.GetFiles(folder, name).Order(StringComparer.Ordinal).ToList() : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
