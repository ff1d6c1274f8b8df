namespace Medic.Logs;

/// <summary>
/// Reusable scratch space: one line split on whitespace into raw tokens, each masked into a shared char buffer.
/// The masked line (tokens joined by one space) is the fast-path key; no per-line allocation.
/// </summary>
internal sealed class MaskedLine
{
    private char[] chars = new char[1024];
    private Token[] tokens = new Token[64];

    /// <summary>What separates tokens.</summary>
    internal const string Spaces = " \t\r\n\v\f\u00a0\u2028\u2029\u3000";

    public int Count { get; private set; }

    public int Length { get; private set; }

    public ReadOnlySpan<char> Key => chars.AsSpan(0, Length);

    public ReadOnlySpan<char> Masked(int i) => chars.AsSpan(tokens[i].MaskedStart, tokens[i].MaskedLength);

    public bool IsMasked(int i) => tokens[i].IsMasked;

    public (int Start, int Length) Raw(int i) => (tokens[i].RawStart, tokens[i].RawLength);

    /// <summary>The part of the raw token that was masked (the whole token when it was not masked).</summary>
    public (int Start, int Length) Value(int i) =>
        tokens[i].IsMasked ? (tokens[i].ValueStart, tokens[i].ValueLength) : (tokens[i].RawStart, tokens[i].RawLength);

    public void Fill(ReadOnlySpan<char> content)
    {
        Count = 0;
        Length = 0;
        if (chars.Length < content.Length + 16)
        {
            chars = new char[Math.Max(content.Length + 16, chars.Length * 2)];
        }

        // one pass: each token is copied as it is read, and only a token with a digit, '/', '\' or '<' goes to the
        // masker (which leaves any other token as it is); tokens are short, so a plain loop beats vectorised searches
        var i = 0;
        while (true)
        {
            while (i < content.Length && IsSpace(content[i]))
            {
                i++;
            }
            if (i >= content.Length)
            {
                break;
            }
            if (Count > 0)
            {
                chars[Length++] = ' ';
            }
            var start = i;
            var at = Length;
            var marks = false;
            var buffer = chars;
            while (i < content.Length && content[i] is var c && !IsSpace(c))
            {
                marks |= IsValueMark(c);
                buffer[at++] = c;
                i++;
            }
            Add(content, start, i - start, marks);
        }
    }

    /// <summary>The characters of <see cref="Spaces"/>.</summary>
    internal static bool IsSpace(char c) =>
        c <= ' ' ? c == ' ' || (uint)(c - '\t') <= '\r' - '\t' : c >= '\u00a0' && (c == '\u00a0' || c == '\u2028' || c == '\u2029' || c == '\u3000');

    /// <summary>A digit, '/', '\\' or '&lt;'.</summary>
    private static bool IsValueMark(char c) => (uint)(c - '/') <= '<' - '/' ? c <= '9' || c == '<' : c == '\\';

    /// <summary>Records the token just copied to <c>chars[Length..]</c>, masking it there when it may hold a value.</summary>
    private void Add(ReadOnlySpan<char> content, int start, int length, bool marks)
    {
        if (Count == tokens.Length)
        {
            Array.Resize(ref tokens, tokens.Length * 2);
        }
        ref var token = ref tokens[Count];
        token.RawStart = start;
        token.RawLength = length;
        token.MaskedStart = Length;
        token.MaskedLength = length;
        token.IsMasked = false;
        if (marks)
        {
            var raw = content.Slice(start, length);

            // room for the masked token and the rest of the line after it
            var rest = content.Length - start - length + 1;
            if (Length + (2 * length) + 9 + rest > chars.Length && Length + Masker.MaxMaskedLength(raw) + rest is var need && need > chars.Length)
            {
                Array.Resize(ref chars, Math.Max(need, chars.Length * 2));
            }
            var n = Masker.MaskInto(raw, chars.AsSpan(Length), out var vs, out var ve);
            if (n >= 0)
            {
                token.ValueStart = start + vs;
                token.ValueLength = ve - vs;
                token.MaskedLength = n;
                token.IsMasked = true;
            }
            else
            {
                raw.CopyTo(chars.AsSpan(Length)); // the masker may have written before saying no
            }
        }
        Length += token.MaskedLength;
        Count++;
    }

    private struct Token
    {
        public int RawStart;
        public int RawLength;
        public int MaskedStart;
        public int MaskedLength;
        public int ValueStart;
        public int ValueLength;
        public bool IsMasked;
    }
}
