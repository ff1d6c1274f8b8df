namespace Medic.Probes.Prometheus;

/// <summary>A position within one line of an exposition.</summary>
internal sealed class LineCursor(string text, int line, int position)
{
    public string Text { get; } = text;

    public int Line { get; } = line;

    public int Pos { get; set; } = position;

    public bool AtEnd => Pos >= Text.Length;

    public char Peek() => Pos < Text.Length ? Text[Pos] : '\0';

    public void SkipBlanks()
    {
        while (Pos < Text.Length && Text[Pos] is ' ' or '\t')
        {
            Pos++;
        }
    }

    /// <summary>A run of characters up to the next blank.</summary>
    public string ReadToken()
    {
        var start = Pos;
        while (Pos < Text.Length && Text[Pos] is not (' ' or '\t'))
        {
            Pos++;
        }

        return Text[start..Pos];
    }

    /// <summary>A metric name (<c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>) or label name (no colons), or "" when none starts here.</summary>
    public string ReadName(bool allowColon)
    {
        var start = Pos;
        while (Pos < Text.Length && IsNameChar(Text[Pos], Pos == start, allowColon))
        {
            Pos++;
        }

        return Text[start..Pos];
    }

    public static bool IsNameChar(char c, bool first, bool allowColon) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' || (c == ':' && allowColon) || (!first && c is >= '0' and <= '9');

    public string Describe() => AtEnd ? "the end of the line" : $"'{Peek()}'";
}
