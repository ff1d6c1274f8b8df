using System.Text;
using System.Text.RegularExpressions;

namespace Medic.Probes.Config;

/// <summary>
/// Expands a path pattern: <c>*</c> and <c>?</c> within one name, <c>[abc]</c> sets, and <c>**</c> for any number of
/// folders (<c>/etc/cluster/**/node.toml</c>). A path without wildcards is returned as it is, existing or not.
/// </summary>
internal static class PathGlob
{
    public const int MaxMatches = 200;

    public static bool HasWildcards(string path) => path.AsSpan().IndexOfAny("*?[") >= 0;

    /// <summary>Matching files (not folders), sorted; at most <see cref="MaxMatches"/>.</summary>
    public static IReadOnlyList<string> Expand(string pattern)
    {
        if (!HasWildcards(pattern))
        {
            return [pattern];
        }

        var segments = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var results = new SortedSet<string>(StringComparer.Ordinal);
        Walk(pattern.StartsWith('/') ? "/" : ".", segments, 0, results);
        return [.. results.Take(MaxMatches)];
    }

    private static void Walk(string folder, string[] segments, int index, SortedSet<string> results)
    {
        if (results.Count >= MaxMatches)
        {
            return;
        }

        var segment = segments[index];
        var last = index == segments.Length - 1;
        if (segment == "**")
        {
            if (last)
            {
                results.UnionWith(Entries(folder, directories: false));
            }
            else
            {
                Walk(folder, segments, index + 1, results); // zero folders
            }

            foreach (var sub in Entries(folder, directories: true))
            {
                Walk(sub, segments, index, results);
            }

            return;
        }

        if (!HasWildcards(segment))
        {
            var next = Path.Combine(folder, segment);
            if (last && File.Exists(next))
            {
                results.Add(next);
            }
            else if (!last && Directory.Exists(next))
            {
                Walk(next, segments, index + 1, results);
            }

            return;
        }

        var regex = new Regex(ToRegex(segment), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        foreach (var entry in Entries(folder, directories: !last))
        {
            if (regex.IsMatch(Path.GetFileName(entry)))
            {
                if (last)
                {
                    results.Add(entry);
                }
                else
                {
                    Walk(entry, segments, index + 1, results);
                }
            }
        }
    }

    private static IEnumerable<string> Entries(string folder, bool directories)
    {
        try
        {
            return directories ? Directory.GetDirectories(folder) : Directory.GetFiles(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string ToRegex(string segment)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            var close = c == '[' ? segment.IndexOf(']', i + 1) : -1;
            regex.Append(c switch
            {
                '*' => "[^/]*",
                '?' => "[^/]",
                '[' when close > i + 1 => "[" + segment[(i + 1)..close].Replace("\\", "\\\\", StringComparison.Ordinal) + "]",
                _ => Regex.Escape(c.ToString()),
            });
            if (c == '[' && close > i + 1)
            {
                i = close;
            }
        }

        // A leading * does not match hidden files, as in the shell.
        return regex.Append('$').ToString() is var r && segment[0] is '*' or '?' ? "^(?!\\.)" + r[1..] : r;
    }
}
