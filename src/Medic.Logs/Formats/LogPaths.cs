using System.Text;
using System.Text.RegularExpressions;

namespace Medic.Logs.Formats;

/// <summary>
/// Expands log inputs: a file, <c>-</c> (stdin), or a glob (<c>*</c>, <c>?</c>, <c>[abc]</c> in any segment, <c>**</c> for
/// any depth). Matches come sorted by name; a pattern that matches nothing is an error naming it.
/// </summary>
public static class LogPaths
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var result = new List<string>();
        foreach (var pattern in patterns)
        {
            if (pattern == "-" || !HasWildcard(pattern))
            {
                if (pattern != "-" && !File.Exists(pattern))
                {
                    throw new LogInputException(Directory.Exists(pattern) ? $"{pattern}: is a folder (give files or a glob such as {Path.Combine(pattern, "*.log")})" : $"{pattern}: no such file");
                }

                result.Add(pattern);
                continue;
            }

            var matches = Glob(pattern);
            if (matches.Count == 0)
            {
                throw new LogInputException($"{pattern}: no file matches");
            }

            result.AddRange(matches);
        }

        return [.. result.Distinct(StringComparer.Ordinal)];
    }

    public static bool HasWildcard(string path) => path.AsSpan().IndexOfAny("*?[") >= 0;

    public static List<string> Glob(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var full = Path.GetFullPath(pattern);
        var root = Path.GetPathRoot(full) ?? "/";
        var segments = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var found = new List<string>();
        Walk(root, segments, 0, found);
        found.Sort(StringComparer.Ordinal);
        // a relative pattern gives relative names, as the shell would
        return Path.IsPathRooted(pattern) ? found : [.. found.Select(f => Path.GetRelativePath(Environment.CurrentDirectory, f))];
    }

    private static void Walk(string dir, string[] segments, int i, List<string> found)
    {
        if (i == segments.Length)
        {
            if (File.Exists(dir))
            {
                found.Add(dir);
            }

            return;
        }

        var segment = segments[i];
        if (!HasWildcard(segment))
        {
            var next = Path.Combine(dir, segment);
            if (i == segments.Length - 1 ? File.Exists(next) : Directory.Exists(next))
            {
                Walk(next, segments, i + 1, found);
            }

            return;
        }

        if (!Directory.Exists(dir))
        {
            return;
        }

        try
        {
            if (segment == "**")
            {
                Walk(dir, segments, i + 1, found);
                foreach (var sub in Directory.EnumerateDirectories(dir))
                {
                    Walk(sub, segments, i, found);
                }

                return;
            }

            var regex = SegmentRegex(segment);
            var entries = i == segments.Length - 1 ? Directory.EnumerateFiles(dir) : Directory.EnumerateDirectories(dir);
            foreach (var entry in entries)
            {
                if (regex.IsMatch(Path.GetFileName(entry)))
                {
                    Walk(entry, segments, i + 1, found);
                }
            }
        }
        catch (UnauthorizedAccessException)
        {
            // an unreadable folder holds nothing we can read
        }
    }

    private static Regex SegmentRegex(string segment)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            switch (c)
            {
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                    var close = segment.IndexOf(']', i + 1);
                    if (close > i + 1)
                    {
                        var set = segment[(i + 1)..close];
                        var body = set.StartsWith('!') ? set[1..] : set;
                        sb.Append(set.StartsWith('!') ? "[^" : "[").Append(body.Replace(@"\", @"\\", StringComparison.Ordinal)).Append(']');
                        i = close;
                    }
                    else
                    {
                        sb.Append(@"\[");
                    }

                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
