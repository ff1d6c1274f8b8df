namespace Medic.Logs;

/// <summary>
/// Reusable scratch space: one line split on whitespace into raw tokens, each masked into a shared char buffer.
/// The masked line (tokens joined by one space) is the fast-path key; no per-line allocation.
/// </summary>
internal sealed class MaskedLine
{
    private char[] chars = new char[1024];
    private int[] rawStart = new int[64];
    private int[] rawLength = new int[64];
    private int[] maskedStart = new int[64];
    private int[] maskedLength = new int[64];
    private bool[] masked = new bool[64];
    private int[] valueStart = new int[64];
    private int[] valueLength = new int[64];

    /// <summary>What separates tokens.</summary>
    internal const string Spaces = " \t\r\n\v\f\u00a0\u2028\u2029\u3000";

    public int Count { get; private set; }

    public int Length { get; private set; }

    public ReadOnlySpan<char> Key => chars.AsSpan(0, Length);

    public ReadOnlySpan<char> Masked(int i) => chars.AsSpan(maskedStart[i], maskedLength[i]);

    public bool IsMasked(int i) => masked[i];

    public (int Start, int Length) Raw(int i) => (rawStart[i], rawLength[i]);

    /// <summary>The part of the raw token that was masked (the whole token when it was not masked).</summary>
    public (int Start, int Length) Value(int i) => masked[i] ? (valueStart[i], valueLength[i]) : (rawStart[i], rawLength[i]);

    public void Fill(ReadOnlySpan<char> content)
    {
        Count = 0;
        Length = 0;
        var i = 0;
        while (true)
        {
            // tokens are short: a plain loop beats two vectorised searches per token
            while (i < content.Length && IsSpace(content[i]))
            {
                i++;
            }
            if (i >= content.Length)
            {
                break;
            }
            var start = i;
            var marks = false;
            while (i < content.Length && !IsSpace(content[i]))
            {
                marks |= IsValueMark(content[i]);
                i++;
            }
            AddToken(content, start, i - start, marks);
        }
    }

    /// <summary>The characters of <see cref="Spaces"/>.</summary>
    internal static bool IsSpace(char c) =>
        c <= ' ' ? c == ' ' || (uint)(c - '\t') <= '\r' - '\t' : c >= '\u00a0' && (c == '\u00a0' || c == '\u2028' || c == '\u2029' || c == '\u3000');

    /// <summary>A digit, '/', '\\' or '&lt;': <see cref="Masker"/> leaves a token without any of them as it is.</summary>
    private static bool IsValueMark(char c) => (uint)(c - '/') <= '<' - '/' ? c <= '9' || c == '<' : c == '\\';

    private void AddToken(ReadOnlySpan<char> content, int start, int length, bool marks)
    {
        if (Count == rawStart.Length)
        {
            Grow();
        }
        var token = content.Slice(start, length);
        var need = Length + (2 * length) + 9;
        if (need > chars.Length && (need = Length + Masker.MaxMaskedLength(token) + 1) > chars.Length)
        {
            Array.Resize(ref chars, Math.Max(need, chars.Length * 2));
        }
        if (Count > 0)
        {
            chars[Length++] = ' ';
        }
        rawStart[Count] = start;
        rawLength[Count] = length;
        maskedStart[Count] = Length;
        var dest = chars.AsSpan(Length);
        var vs = 0;
        var ve = 0;
        var n = marks ? Masker.MaskInto(token, dest, out vs, out ve) : -1;
        if (n >= 0)
        {
            valueStart[Count] = start + vs;
            valueLength[Count] = ve - vs;
            maskedLength[Count] = n;
            masked[Count] = true;
        }
        else
        {
            token.CopyTo(dest);
            maskedLength[Count] = length;
            masked[Count] = false;
        }
        Length += maskedLength[Count];
        Count++;
    }

    private void Grow()
    {
        var n = rawStart.Length * 2;
        Array.Resize(ref rawStart, n);
        Array.Resize(ref rawLength, n);
        Array.Resize(ref maskedStart, n);
        Array.Resize(ref maskedLength, n);
        Array.Resize(ref masked, n);
        Array.Resize(ref valueStart, n);
        Array.Resize(ref valueLength, n);
    }
}
