using System.Text.RegularExpressions;

namespace Medic.Logs;

/// <summary>
/// User masking patterns (--mask REGEX): each match is a value, in order. The pattern decides what is a value; the
/// engine decides how a value is written, the same way as for the values it finds itself (<see cref="Masker"/>):
/// whitespace and separators a match begins or ends with are kept ("=\d+" on "ambient=32" gives "ambient=&lt;*&gt;",
/// "/.+?\s" does not glue two tokens together), and the match keeps the shape the built-in masker gives a value
/// (a key, a word prefix, an address with a port: "blk_&lt;*&gt;", "&lt;*&gt;:&lt;*&gt;"). A match the built-in
/// masker would not mask becomes one wildcard after its key, if any ("user=\w+" gives "user=&lt;*&gt;").
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

    /// <summary>
    /// Whether the shaped match keeps a dotted or numbered part as text (a host name before a port, a dotted prefix):
    /// the pattern matched it as part of the value, so it must not come back as a constant.
    /// </summary>
    private static bool KeepsConstant(ReadOnlySpan<char> shaped)
    {
        for (var i = 0; i < shaped.Length; i++)
        {
            if (shaped[i..].StartsWith(Masker.Wildcard, StringComparison.Ordinal))
            {
                i += Masker.Wildcard.Length - 1;
            }
            else if (shaped[i] == '.' || char.IsAsciiDigit(shaped[i]))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsLeadingSeparator(char c) => char.IsWhiteSpace(c) || c is '=' or ':' or ',' or ';';

    private static bool IsTrailingSeparator(char c) => char.IsWhiteSpace(c) || c is ',' or ';' or ':';

    private static string Replace(Match match) => Render(match.ValueSpan);

    /// <summary>How a matched span is written into the line.</summary>
    public static string Render(ReadOnlySpan<char> value)
    {
        var start = 0;
        var end = value.Length;
        while (start < end && IsLeadingSeparator(value[start]))
        {
            start++;
        }
        while (end > start && IsTrailingSeparator(value[end - 1]))
        {
            end--;
        }
        if (start == end)
        {
            return value.ToString();
        }
        var core = value[start..end];
        var size = Masker.MaxMaskedLength(core);
        Span<char> shaped = size <= 512 ? stackalloc char[size] : new char[size];
        var n = Masker.MaskInto(core, shaped);
        if (n >= 0 && !KeepsConstant(shaped[..n]))
        {
            return string.Concat(value[..start], shaped[..n], value[end..]);
        }
        var key = Masker.KeyLength(core);
        return string.Concat(value[..(start + key)], Masker.Wildcard, value[end..]);
    }
}
