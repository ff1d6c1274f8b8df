namespace Medic.Logs.Formats;

/// <summary>Finds a level in free text: an upper-case level word, <c>level=…</c>, or an exception name (<c>…Error:</c>).</summary>
internal static class LevelScan
{
    private const int MaxTokens = 12;

    public static LogSeverity Find(ReadOnlySpan<char> text)
    {
        var tokens = 0;
        foreach (var range in text.Split(' '))
        {
            var token = text[range];
            if (token.IsEmpty)
            {
                continue;
            }

            if (++tokens > MaxTokens)
            {
                break;
            }

            if (token.StartsWith("level=", StringComparison.OrdinalIgnoreCase))
            {
                return Severities.Parse(token[6..]);
            }

            var bare = token.Trim("[]<>():\"',-");
            if (bare.Length >= 4 && IsUpper(bare))
            {
                var level = Severities.Parse(bare);
                if (level != LogSeverity.Unknown)
                {
                    return level;
                }
            }

            if (token.Length > 6 && token[^1] == ':' && (token[..^1].EndsWith("Error", StringComparison.Ordinal) || token[..^1].EndsWith("Exception", StringComparison.Ordinal)))
            {
                return LogSeverity.Error;
            }
        }

        return LogSeverity.Unknown;
    }

    private static bool IsUpper(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }
}
