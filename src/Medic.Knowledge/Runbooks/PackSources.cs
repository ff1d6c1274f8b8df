using System.Reflection;
using Medic.Core.Model;

namespace Medic.Knowledge.Runbooks;

/// <summary>Where runbook files come from: the packs embedded in the binary, and folders given with <c>--runbooks</c>.</summary>
public static class PackSources
{
    private const string Prefix = "runbooks/";

    /// <summary>The built-in packs (<c>runbooks/&lt;pack&gt;/*.yaml</c> in the repository), embedded at build time.</summary>
    public static IReadOnlyList<RunbookSource> Embedded()
    {
        var assembly = typeof(PackSources).Assembly;
        var sources = new List<RunbookSource>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var relative = name[Prefix.Length..].Replace('\\', '/');
            var slash = relative.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            sources.Add(new RunbookSource(relative[..slash], name, reader.ReadToEnd()));
        }

        return sources;
    }

    /// <summary>
    /// Runbook files under a folder: YAML files directly in it form a pack named after the folder, and each
    /// sub-folder is a pack of its own name.
    /// </summary>
    public static IReadOnlyList<RunbookSource> FromDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new InputException(SourcePosition.Start(directory), "runbook folder does not exist");
        }

        var full = Path.GetFullPath(directory);
        var sources = new List<RunbookSource>();
        foreach (var file in Directory.EnumerateFiles(full, "*.y*ml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(full, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            var pack = parts.Length > 1 ? parts[0] : Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar));
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException(SourcePosition.Start(file), $"cannot read file: {e.Message}");
            }

            sources.Add(new RunbookSource(pack, DisplayPath(file), text));
        }

        return sources;
    }

    public static IReadOnlyList<RunbookSource> Load(IEnumerable<string> extraDirectories) =>
        [.. Embedded(), .. extraDirectories.SelectMany(FromDirectory)];

    /// <summary>A path as the user would type it: relative below the working folder, absolute elsewhere.</summary>
    private static string DisplayPath(string file)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, file);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Path.GetFullPath(file) : relative;
    }
}
