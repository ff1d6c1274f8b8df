using System.Text;
using System.Text.RegularExpressions;

namespace Medic.Probes.Nginx;

/// <summary>
/// Expands an <c>include</c> pattern as glob(3) does for nginx: <c>*</c>, <c>?</c> and <c>[...]</c> in any path
/// component, never matching a leading dot; results sorted byte-wise; no match is no error.
/// </summary>
internal static class NginxGlob
{
    public static bool HasWildcards(string path) => path.AsSpan().IndexOfAny("*?[") >= 0;

    /// <summary>Existing paths (files or folders) matching the absolute <paramref name="pattern"/>, sorted.</summary>
    public static IReadOnlyList<string> Expand(string pattern, int limit)
    {
        var parts = pattern.Split('/');
        List<string> current = [parts[0].Length == 0 ? "/" : parts[0]];
        foreach (var part in parts.Skip(1))
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (!HasWildcards(part))
            {
                current = [.. current.Select(c => Path.Combine(c, Literal(part)))];
                continue;
            }

            var regex = ToRegex(part);
            current = [.. current.SelectMany(dir => Matches(dir, regex, part.StartsWith('.'))).Take(limit + 1)];
        }

        return [.. current.Where(p => File.Exists(p) || Directory.Exists(p)).Order(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Matches(string dir, Regex regex, bool dotsAllowed)
    {
        string[] entries;
        try
        {
            entries = Directory.Exists(dir) ? Directory.GetFileSystemEntries(dir) : [];
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            // glob(3) without GLOB_ERR passes over folders it cannot read.
            return [];
        }

        return entries.Where(e =>
        {
            var name = Path.GetFileName(e);
            return (dotsAllowed || !name.StartsWith('.')) && regex.IsMatch(name);
        });
    }

    private static string Literal(string part) => part.Contains('\\', StringComparison.Ordinal) ? Regex.Replace(part, @"\\(.)", "$1") : part;

    private static Regex ToRegex(string part)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < part.Length; i++)
        {
            var c = part[i];
            switch (c)
            {
                case '*':
                    sb.Append(".*");
                    break;
                case '?':
                    sb.Append('.');
                    break;
                case '\\' when i + 1 < part.Length:
                    sb.Append(Regex.Escape(part[++i].ToString()));
                    break;
                case '[' when Bracket(part, i) is var (cls, end) && end > 0:
                    sb.Append(cls);
                    i = end;
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromMilliseconds(100));
    }

    /// <summary>A bracket expression starting at <paramref name="start"/> as a regex class, and the index of its ']' (0: not one).</summary>
    private static (string Class, int End) Bracket(string part, int start)
    {
        var i = start + 1;
        var negate = i < part.Length && part[i] is '!' or '^';
        if (negate)
        {
            i++;
        }

        var sb = new StringBuilder(negate ? "[^" : "[");
        var first = true;
        for (; i < part.Length; i++, first = false)
        {
            var c = part[i];
            if (c == ']' && !first)
            {
                return (sb.Append(']').ToString(), i);
            }

            sb.Append(c is '\\' or ']' or '[' or '^' ? "\\" + c : c.ToString());
        }

        return ("", 0);
    }
}
