namespace Medic.Logs;

/// <summary>Hand-written scanner that decides whether a token is a variable (number, hex, IP, UUID, path, URL...).</summary>
public static class Masker
{
    public const string Wildcard = "<*>";

    public static bool IsVariable(ReadOnlySpan<char> token)
    {
        if (token.IsEmpty)
        {
            return false;
        }

        if (token.Contains("://", StringComparison.Ordinal))
        {
            return true;
        }

        if (token[0] == '/' && token.Length > 1)
        {
            return true;
        }

        var digits = 0;
        var letters = 0;
        var hexOnly = true;
        foreach (var c in token)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (char.IsAsciiLetter(c))
            {
                letters++;
                if (!char.IsAsciiHexDigit(c))
                {
                    hexOnly = false;
                }
            }
        }
        if (digits == 0)
        {
            return false;
        }

        if (hexOnly && letters > 0 && token.Length >= 8)
        {
            return true;
        }
        // any token carrying digits is treated as a value (numbers, ids, IPs, durations, sizes)
        return true;
    }

    /// <summary>Splits a message into tokens on whitespace.</summary>
    public static string[] Tokenize(string content) =>
        content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Masks the value part of key=value and key:value tokens, keeping the key.</summary>
    public static string MaskToken(string token)
    {
        if (IsVariable(token))
        {
            var eq = token.IndexOfAny(['=', ':']);
            if (eq > 0 && eq < token.Length - 1 && !IsVariable(token.AsSpan(0, eq)))
            {
                return string.Concat(token.AsSpan(0, eq + 1), Wildcard);
            }

            var start = 0;
            var end = token.Length;
            while (start < end && "([{'\"<".Contains(token[start], StringComparison.Ordinal))
            {
                start++;
            }
            while (end > start && ")]}'\",;.>".Contains(token[end - 1], StringComparison.Ordinal))
            {
                end--;
            }
            return string.Concat(token.AsSpan(0, start), Wildcard, token.AsSpan(end));
        }
        return token;
    }
}
