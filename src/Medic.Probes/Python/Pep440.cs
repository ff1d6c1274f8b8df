using System.Globalization;
using System.Text.RegularExpressions;

namespace Medic.Probes.Python;

/// <summary>
/// Just enough of PEP 440 to judge a wheel's <c>Requires-Python</c> and <c>Requires-Dist</c> against what is installed:
/// release numbers compared numerically (pre/post/dev suffixes ignored), specifiers <c>== != &gt;= &lt;= &gt; &lt; ~= ===</c>
/// and <c>==X.Y.*</c> prefixes, comma-separated.
/// </summary>
internal static partial class Pep440
{
    /// <summary>Whether <paramref name="version"/> meets every clause of <paramref name="specifier"/> (null: unknown).</summary>
    public static bool? Satisfies(string version, string specifier)
    {
        var release = Release(version);
        if (release is null)
        {
            return null;
        }

        foreach (var raw in specifier.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Clause().Match(raw);
            if (!match.Success)
            {
                return null;
            }

            var op = match.Groups["op"].Value;
            var text = match.Groups["v"].Value;
            if (text.EndsWith(".*", StringComparison.Ordinal))
            {
                var prefix = Release(text[..^2]);
                if (prefix is null)
                {
                    return null;
                }

                var same = release.Take(prefix.Length).Concat(Enumerable.Repeat(0, Math.Max(0, prefix.Length - release.Length))).SequenceEqual(prefix);
                if (op == "==" ? !same : op == "!=" ? same : true)
                {
                    return false;
                }

                continue;
            }

            var other = Release(text);
            if (other is null)
            {
                return null;
            }

            var c = Compare(release, other);
            var ok = op switch
            {
                "==" or "===" => c == 0,
                "!=" => c != 0,
                ">=" => c >= 0,
                "<=" => c <= 0,
                ">" => c > 0,
                "<" => c < 0,
                "~=" => c >= 0 && other.Length > 1 && Compare(release.Take(other.Length - 1).ToArray(), other[..^1]) == 0,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The release numbers of a version (<c>2.31.0rc1</c> → 2, 31, 0), null when it has none.</summary>
    public static int[]? Release(string version)
    {
        var match = ReleasePart().Match(version.Trim().TrimStart('v', 'V'));
        return match.Success
            ? [.. match.Value.Split('.').Select(p => int.Parse(p, CultureInfo.InvariantCulture))]
            : null;
    }

    public static int Compare(int[] a, int[] b)
    {
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : 0;
            var y = i < b.Length ? b[i] : 0;
            if (x != y)
            {
                return x.CompareTo(y);
            }
        }

        return 0;
    }

    /// <summary>A project name as pip compares it: lower case, runs of <c>-_.</c> as one <c>-</c>.</summary>
    public static string Normalize(string name) => Separators().Replace(name.Trim().ToLowerInvariant(), "-");

    [GeneratedRegex(@"^\s*(?<op>===|==|!=|>=|<=|~=|>|<)\s*(?<v>[0-9A-Za-z.*+!_-]+)\s*$")]
    private static partial Regex Clause();

    [GeneratedRegex(@"^\d{1,9}(\.\d{1,9})*")]
    private static partial Regex ReleasePart();

    [GeneratedRegex(@"[-_.]+")]
    private static partial Regex Separators();
}
