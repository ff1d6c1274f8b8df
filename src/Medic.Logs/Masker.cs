namespace Medic.Logs;

/// <summary>
/// Hand-written, regex-free scanner that decides whether a token is a variable (numbers, hex, IPs with ports,
/// UUIDs, paths, URLs, durations, sizes, ids) and masks the variable part, keeping keys and punctuation.
/// </summary>
public static class Masker
{
    public const string Wildcard = "<*>";

    private static readonly System.Buffers.SearchValues<char> ValueMarks = System.Buffers.SearchValues.Create("0123456789/\\<");

    private static bool IsOpening(char c) => c is '(' or '[' or '{' or '\'' or '"' or '<';

    private static bool IsClosing(char c) => c is ')' or ']' or '}' or '\'' or '"' or ',' or ';' or '.' or '>' or ':';

    public static bool IsVariable(ReadOnlySpan<char> token) => Classify(token, out _);

    /// <summary>
    /// <see cref="IsVariable"/> in the same pass as noting the separators that give a value a shape (key=,
    /// host:port, host/ip, a list), so most values cost one scan. A path is a value as a whole: only its slash counts.
    /// </summary>
    private static bool Classify(ReadOnlySpan<char> token, out int separators)
    {
        separators = 0;
        if (token.IsEmpty)
        {
            return false;
        }
        if (token[0] == '/' && token.Length > 1)
        {
            separators = HasSlash;
            return true;
        }
        if (token.Length > 2 && token[1] == ':' && token[2] == '\\')
        {
            return true;
        }
        var digits = 0;
        var letters = 0;
        var angle = false;
        foreach (var c in token)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (char.IsAsciiLetter(c))
            {
                letters++;
            }
            else
            {
                separators |= c switch
                {
                    '=' => HasKeySeparator,
                    ':' => HasKeySeparator | HasColon,
                    '/' => HasSlash,
                    ',' or ';' or '#' or '|' => HasList,
                    _ => 0,
                };
                angle |= c == '<';
            }
        }
        if ((angle && token.Contains(Wildcard, StringComparison.Ordinal)) || ((separators & HasColon) != 0 && token.Contains("://", StringComparison.Ordinal)))
        {
            return true;
        }
        separators |= letters > 0 ? HasLetter : 0;
        // a word with one embedded digit (eth0, alt0, log4j, Slf4jLogger) is a name, not a value
        return digits >= 2 || (digits == 1 && letters == 0);
    }

    /// <summary>Splits a message into tokens on whitespace.</summary>
    public static string[] Tokenize(string content) =>
        content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Masks the variable part of a token: keeps the key of key=value / key:value and wrapping punctuation.</summary>
    public static string MaskToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var size = MaxMaskedLength(token);
        Span<char> dest = size <= 512 ? stackalloc char[size] : new char[size];
        var n = MaskInto(token, dest);
        return n < 0 ? token : new string(dest[..n]);
    }

    /// <summary>
    /// Writes the masked token to <paramref name="dest"/> (at least <see cref="MaxMaskedLength"/> chars) and returns its length,
    /// or -1 when the token holds no value. An address with a port keeps its shape: "/10.0.0.1:80" gives "/&lt;*&gt;:&lt;*&gt;".
    /// </summary>
    public static int MaskInto(ReadOnlySpan<char> token, Span<char> dest) => MaskInto(token, dest, out _, out _);

    /// <summary>As <see cref="MaskInto(ReadOnlySpan{char}, Span{char})"/>, also giving the value's range in the token.</summary>
    public static int MaskInto(ReadOnlySpan<char> token, Span<char> dest, out int valueStart, out int valueEnd)
    {
        // the commonest value, a bare number, is the whole token: what the general path below gives, without its scans
        if (!token.IsEmpty && !token.ContainsAnyExceptInRange('0', '9'))
        {
            valueStart = 0;
            valueEnd = token.Length;
            Wildcard.CopyTo(dest);
            return Wildcard.Length;
        }

        return MaskIntoGeneral(token, dest, out valueStart, out valueEnd);
    }

    /// <summary><see cref="MaskInto(ReadOnlySpan{char}, Span{char}, out int, out int)"/> without its fast path for bare numbers.</summary>
    internal static int MaskIntoGeneral(ReadOnlySpan<char> token, Span<char> dest, out int valueStart, out int valueEnd)
    {
        if (!Mask(token, out var start, out var end, out var shape))
        {
            valueStart = valueEnd = 0;
            return -1;
        }
        valueStart = start;
        valueEnd = end;
        var core = token[start..end];
        token[..start].CopyTo(dest);
        var n = start;
        if (shape == Shape.Socket && IsSocketAddress(core, out var slash))
        {
            if (slash > 0)
            {
                Wildcard.CopyTo(dest[n..]);
                n += Wildcard.Length;
            }
            dest[n++] = '/';
            core = core[(slash + 1)..];
        }
        var listed = shape == Shape.List ? RenderList(core, dest[n..]) : 0;
        if (listed > 0)
        {
            n += listed;
        }
        else if ((shape == Shape.HostPort && IsHostPort(core, out var port)) || (IsAddress(core, out port) && port > 0))
        {
            Wildcard.CopyTo(dest[n..]);
            dest[n + Wildcard.Length] = ':';
            n += Wildcard.Length + 1;
        }
        if (listed <= 0)
        {
            Wildcard.CopyTo(dest[n..]);
            n += Wildcard.Length;
        }
        token[end..].CopyTo(dest[n..]);
        return n + token.Length - end;
    }

    /// <summary>Room the masked form of a token may need: a list item of one char grows to a wildcard.</summary>
    public static int MaxMaskedLength(ReadOnlySpan<char> token) =>
        token.Length + 8 + (token.ContainsAny(ListSeparators) ? token.Length : 0);

    private static readonly System.Buffers.SearchValues<char> ListSeparators = System.Buffers.SearchValues.Create(",;#|");

    /// <summary>
    /// A list of values ("1,2,3", "1514038440000##6993", "type=1,0.0,old=0.0") keeps its separators: each item is
    /// masked on its own. Returns the written length, or 0 when no item is a value (the caller masks the whole).
    /// </summary>
    private static int RenderList(ReadOnlySpan<char> core, Span<char> dest)
    {
        var n = 0;
        var values = 0;
        var i = 0;
        while (i < core.Length)
        {
            var length = core[i..].IndexOfAny(ListSeparators);
            if (length < 0)
            {
                length = core.Length - i;
            }
            if (length == 0)
            {
                dest[n++] = core[i++];
                continue;
            }
            var item = core.Slice(i, length);
            var written = MaskInto(item, dest[n..]);
            if (written < 0)
            {
                item.CopyTo(dest[n..]);
                written = item.Length;
            }
            else
            {
                values++;
            }
            n += written;
            i += length;
        }
        return values > 0 ? n : 0;
    }

    /// <summary>
    /// "host:port" where the host is a DNS name that names a machine rather than a key: it has a digit or at least
    /// three labels (db-1:5432, www.example.com:443; not localhost:8080 or Foo.java:12). Port is the index of ':'.
    /// </summary>
    internal static bool IsHostPort(ReadOnlySpan<char> s, out int port)
    {
        port = s.LastIndexOf(':');
        if (port <= 0 || s.Length - port - 1 is < 1 or > 5 || s[(port + 1)..].ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }
        return IsHostName(s[..port], out var named) && named;
    }

    /// <summary>Java's socket address "host/10.0.0.1:80" (or "/10.0.0.1:80"): slash is the index of '/'.</summary>
    private static bool IsSocketAddress(ReadOnlySpan<char> s, out int slash)
    {
        slash = s.IndexOf('/');
        return slash >= 0 && IsAddress(s[(slash + 1)..], out _) && (slash == 0 || IsHostName(s[..slash], out _));
    }

    /// <summary>A DNS name; <paramref name="machine"/> when it has a digit or at least three labels.</summary>
    private static bool IsHostName(ReadOnlySpan<char> host, out bool machine)
    {
        machine = false;
        if (!char.IsAsciiLetterOrDigit(host[0]) || !char.IsAsciiLetterOrDigit(host[^1]))
        {
            return false;
        }
        var labels = 1;
        var digit = false;
        var letter = false;
        for (var i = 0; i < host.Length; i++)
        {
            var c = host[i];
            if (c == '.')
            {
                if (host[i - 1] == '.')
                {
                    return false;
                }
                labels++;
            }
            else if (char.IsAsciiDigit(c))
            {
                digit = true;
            }
            else if (char.IsAsciiLetter(c))
            {
                letter = true;
            }
            else if (c != '-')
            {
                return false;
            }
        }
        machine = digit || labels >= 3;
        return letter;
    }

    /// <summary>IPv4 address, optionally with ":port" (port is the index of ':' or 0).</summary>
    private static bool IsAddress(ReadOnlySpan<char> s, out int port)
    {
        port = 0;
        if (s.Length >= 3 && s[0] == '<' && s[1] == '*' && s[2] == '>')
        {
            // an address a user pattern already masked, with the port it left: "<*>:8030"
            var rest = s[Wildcard.Length..];
            port = rest.Length > 1 && rest[0] == ':' && !rest[1..].ContainsAnyExceptInRange('0', '9') ? Wildcard.Length : 0;
            return rest.IsEmpty || port > 0;
        }
        var dots = 0;
        var digits = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c == '.' && port == 0 && digits > 0)
            {
                dots++;
                digits = 0;
            }
            else if (c == ':' && port == 0 && dots == 3 && digits > 0)
            {
                port = i;
                digits = 0;
            }
            else
            {
                return false;
            }
        }
        return dots == 3 && digits > 0;
    }

    /// <summary>True when token[start..end) is a value to replace by the wildcard.</summary>
    public static bool Mask(ReadOnlySpan<char> token, out int start, out int end) => Mask(token, out start, out end, out _);

    private enum Shape
    {
        Plain,
        HostPort,
        Socket,
        List,
    }

    private const int HasKeySeparator = 1;
    private const int HasColon = 2;
    private const int HasSlash = 4;
    private const int HasList = 8;
    private const int HasLetter = 16;

    private static bool Mask(ReadOnlySpan<char> token, out int start, out int end, out Shape shape)
    {
        start = 0;
        end = token.Length;
        shape = Shape.Plain;
        if (!token.ContainsAny(ValueMarks))
        {
            return false; // fast path: no digit, path, drive or wildcard, so a plain word
        }
        if (token.Contains('<') && token.Contains(Wildcard, StringComparison.Ordinal) && !HasAlphanumericOutsideWildcards(token))
        {
            return false; // already masked by a user pattern: keep its shape (<*>:<*>, <*>.<*>)
        }
        Unwrap(token, ref start, ref end);
        var variable = false;
        var separators = 0;
        var keyed = false;
        while (KeyLength(token[start..end]) is var key and > 0)
        {
            // key=value, also nested: headroom=<memory:10240, keeps "headroom=<memory:"; not host:port
            if (token[start + key - 1] == ':' && IsHostPort(token[start..end], out _))
            {
                break;
            }
            var valueVariable = Classify(token[(start + key)..end], out var valueSeparators);
            if (!valueVariable && ((valueSeparators & HasList) == 0 || !IsValue(token[(start + key)..end])))
            {
                break;
            }
            start += key;
            keyed = true;
            var (unwrappedStart, unwrappedEnd) = (start, end);
            Unwrap(token, ref start, ref end);
            (variable, separators) = (valueVariable, valueSeparators);
            if (start != unwrappedStart || end != unwrappedEnd)
            {
                variable = Classify(token[start..end], out separators);
            }
        }
        if (!keyed)
        {
            variable = Classify(token[start..end], out separators);
        }
        if ((separators & (HasColon | HasLetter)) == (HasColon | HasLetter) && IsHostPort(token[start..end], out _))
        {
            shape = Shape.HostPort;
            return true; // db-1:5432, www.example.com:443: no word prefix
        }
        if ((separators & HasSlash) != 0 && IsSocketAddress(token[start..end], out _))
        {
            shape = Shape.Socket;
            return true;
        }
        if (!keyed)
        {
            if (!variable && ((separators & HasList) == 0 || !IsValue(token[start..end])))
            {
                return false;
            }
            start += WordPrefixLength(token[start..end]);
        }
        if ((separators & HasList) != 0 && token[start..end].ContainsAny(ListSeparators))
        {
            shape = Shape.List;
        }
        return end > start;
    }

    /// <summary>A variable, or a list ("2,who", "0},app") with a variable item.</summary>
    private static bool IsValue(ReadOnlySpan<char> s)
    {
        if (IsVariable(s))
        {
            return true;
        }
        if (!s.ContainsAny(ListSeparators))
        {
            return false;
        }
        foreach (var item in s.SplitAny(",;#|"))
        {
            var part = s[item];
            var start = 0;
            var end = part.Length;
            Unwrap(part, ref start, ref end);
            if (IsVariable(part[start..end]))
            {
                return true;
            }
        }
        return false;
    }

    private static char ClosingOf(char c) => c switch
    {
        '(' => ')',
        '[' => ']',
        '{' => '}',
        '<' => '>',
        _ => c,
    };

    private static char OpeningOf(char c) => c switch
    {
        ')' => '(',
        ']' => '[',
        '}' => '{',
        '>' => '<',
        _ => c,
    };

    private static bool IsWildcardAt(ReadOnlySpan<char> s, int i) =>
        (s[i] == '<' && s[i..].StartsWith(Wildcard, StringComparison.Ordinal))
        || (s[i] == '>' && i >= 2 && s[(i - 2)..].StartsWith(Wildcard, StringComparison.Ordinal));

    /// <summary>Whether <paramref name="c"/> occurs in s as punctuation (not as part of a wildcard).</summary>
    private static bool HasBracket(ReadOnlySpan<char> s, char c)
    {
        for (var i = s.IndexOf(c); i >= 0; i = s[(i + 1)..].IndexOf(c) is var next and >= 0 ? i + 1 + next : -1)
        {
            if (!IsWildcardAt(s, i))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Strips the punctuation around a value: a matched pair of brackets or quotes, trailing ",;.:", and an opening
    /// or closing bracket whose partner is not in the token. A bracket whose partner is inside the value stays part
    /// of the value ("0000:00:02.0[A]", "{guid}NAME"), so brackets never come out unbalanced.
    /// </summary>
    private static void Unwrap(ReadOnlySpan<char> token, ref int start, ref int end)
    {
        if (end - start < 2 || (!IsOpening(token[start]) && token[start] != '=' && !IsClosing(token[end - 1])))
        {
            return; // most values: nothing around them
        }
        while (end - start > 1)
        {
            var first = token[start];
            var last = token[end - 1];
            var opens = IsOpening(first) && !IsWildcardAt(token, start);
            var closes = IsClosing(last) && !IsWildcardAt(token, end - 1);
            if (first == '=')
            {
                start++; // "type =5": the key stands apart, the separator stays
            }
            else if (opens && closes && last == ClosingOf(first))
            {
                start++;
                end--;
            }
            else if (closes && last is ',' or ';' or '.' or ':')
            {
                end--;
            }
            else if (opens && !HasBracket(token[(start + 1)..end], ClosingOf(first)))
            {
                start++;
            }
            else if (closes && !HasBracket(token[start..(end - 1)], OpeningOf(last)))
            {
                end--;
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>
    /// The wildcard for a position where two different tokens were seen, keeping the wrapping punctuation both
    /// share: "(a)," and "(b)," give "(&lt;*&gt;),".
    /// </summary>
    public static string Generalize(string template, ReadOnlySpan<char> token)
    {
        ArgumentNullException.ThrowIfNull(template);
        var prefix = 0;
        while (prefix < template.Length && prefix < token.Length && template[prefix] == token[prefix] && "([{'\"".Contains(template[prefix], StringComparison.Ordinal))
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < template.Length - prefix && suffix < token.Length - prefix
            && template[^(suffix + 1)] == token[^(suffix + 1)] && ")]}'\",;.:".Contains(template[^(suffix + 1)], StringComparison.Ordinal))
        {
            suffix++;
        }
        return prefix == 0 && suffix == 0 ? Wildcard : string.Concat(template.AsSpan(0, prefix), Wildcard, template.AsSpan(template.Length - suffix));
    }

    private static bool HasAlphanumericOutsideWildcards(ReadOnlySpan<char> token)
    {
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] == '<' && token[i..].StartsWith(Wildcard, StringComparison.Ordinal))
            {
                i += Wildcard.Length - 1;
                continue;
            }
            if (char.IsAsciiLetterOrDigit(token[i]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Length of "key=" or "key:" when the key is a plain name and a value follows; 0 otherwise.</summary>
    internal static int KeyLength(ReadOnlySpan<char> token)
    {
        var sep = token.IndexOfAny('=', ':');
        if (sep <= 0 || sep >= token.Length - 1 || token[(sep + 1)..].StartsWith("//", StringComparison.Ordinal))
        {
            return 0;
        }
        if (token[sep] == ':' && token.Length > sep + 1 && token[sep + 1] == '\\')
        {
            return 0;
        }
        var hasLetter = false;
        foreach (var c in token[..sep])
        {
            if (char.IsAsciiDigit(c))
            {
                return 0;
            }
            hasLetter |= char.IsAsciiLetter(c);
        }
        return hasLetter ? sep + 1 : 0;
    }

    /// <summary>"blk_123" masks to "blk_&lt;*&gt;": a letters-only prefix joined by _ or - names the value.</summary>
    private static int WordPrefixLength(ReadOnlySpan<char> token)
    {
        var i = 0;
        while (i < token.Length && char.IsAsciiLetter(token[i]))
        {
            i++;
        }
        if (i < 2 || i >= token.Length - 1)
        {
            return 0;
        }
        // "core.2275", "part.0001": a name, a dot and a number (not a version or a file name)
        var dotted = token[i] == '.' && !token[(i + 1)..].ContainsAnyExceptInRange('0', '9');
        return token[i] == '_' || token[i] == '-' || dotted ? i + 1 : 0;
    }
}
