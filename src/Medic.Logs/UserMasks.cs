using System.Text.RegularExpressions;

namespace Medic.Logs;

/// <summary>
/// User masking patterns (--mask REGEX): each match becomes the wildcard, in order. Whitespace a match begins or
/// ends with is kept, so a pattern like "/.+?\s" does not glue two tokens together.
/// </summary>
public sealed class UserMasks(IEnumerable<Regex> patterns)
{
    private readonly Regex[] patterns = [.. patterns];

    public bool IsEmpty => patterns.Length == 0;

    public string Apply(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        foreach (var pattern in patterns)
        {
            content = pattern.Replace(content, Replace);
        }
        return content;
    }

    private static string Replace(Match match)
    {
        var value = match.ValueSpan;
        var start = 0;
        var end = value.Length;
        while (start < end && char.IsWhiteSpace(value[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(value[end - 1]))
        {
            end--;
        }
        if (start == 0 && end == value.Length)
        {
            return Masker.Wildcard;
        }
        return string.Concat(value[..start], Masker.Wildcard, value[end..]);
    }
}
