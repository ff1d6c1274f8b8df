using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Medic.Core.Conditions;

/// <summary>Regexes for <c>matches</c>, built once per pattern and bounded by a match timeout.</summary>
internal static class RegexCache
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);

    private const int Capacity = 512;
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    public static bool TryGet(string pattern, [NotNullWhen(true)] out Regex? regex, [NotNullWhen(false)] out string? problem)
    {
        problem = null;
        if (Cache.TryGetValue(pattern, out regex))
        {
            return true;
        }

        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, Timeout);
        }
        catch (ArgumentException e)
        {
            problem = e.Message;
            return false;
        }

        if (Cache.Count >= Capacity)
        {
            Cache.Clear();
        }

        Cache[pattern] = regex;
        return true;
    }
}
