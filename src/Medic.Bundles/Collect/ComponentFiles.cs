using System.Diagnostics;
using System.Text.RegularExpressions;
using Medic.Core.Systems;

namespace Medic.Bundles.Collect;

/// <summary>The files a component names: configuration files, nginx.conf, and the tail of each log.</summary>
public static partial class ComponentFiles
{
    public static IEnumerable<Collected> Collect(Component component, BundleOptions options)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(options);
        var kind = component.Kind.ToLowerInvariant();
        var (settings, isLog) = kind switch
        {
            "config" => (new[] { "path", "paths" }, false),
            "nginx" => (["config"], false),
            "logs" => (["paths"], true),
            _ => ([], false),
        };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in settings.SelectMany(component.GetStrings).Where(p => p.Length > 0).SelectMany(p => Expand(component, p)))
        {
            var name = $"files/{component.Name}/{Safe(Path.GetFileName(file))}";
            for (var n = 2; !seen.Add(name); n++)
            {
                name = $"files/{component.Name}/{n}-{Safe(Path.GetFileName(file))}";
            }

            yield return Read(name, file, options, isLog);
        }
    }

    private static Collected Read(string name, string file, BundleOptions options, bool isLog)
    {
        var t0 = Stopwatch.GetTimestamp();
        try
        {
            var text = isLog
                ? FileTail.Read(file, options.Limits.MaxFileBytes, options.LogLines)
                : FileTail.Read(file, options.Limits.MaxFileBytes);
            var source = isLog ? $"{file} (last {options.LogLines} lines at most)" : file;
            return new Collected(name, text, source, Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Collected.Failed(name, file, e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : e.Message,
                Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }
    }

    /// <summary>A path setting, resolved against the system file's folder; a glob in the file name expands to the files it matches.</summary>
    public static IEnumerable<string> Expand(Component component, string setting)
    {
        ArgumentNullException.ThrowIfNull(component);
        var full = component.ResolvePath(setting);
        var fileName = Path.GetFileName(full);
        if (fileName.IndexOfAny(['*', '?']) < 0)
        {
            return [full];
        }

        var folder = Path.GetDirectoryName(full)!;
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, fileName).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    private static string Safe(string name) => UnsafeChars().Replace(name, "_") is { Length: > 0 } s && s is not ("." or "..") ? s : "file";

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex UnsafeChars();
}
