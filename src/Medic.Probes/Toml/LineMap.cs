namespace Medic.Probes.Toml;

/// <summary>Turns a character offset into a 1-based line and column (columns count Unicode characters).</summary>
internal sealed class LineMap
{
    private readonly string _text;
    private readonly List<int> _lineStarts = [0];

    public LineMap(string text)
    {
        _text = text;
        for (var i = text.IndexOf('\n', StringComparison.Ordinal); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            _lineStarts.Add(i + 1);
        }
    }

    public (int Line, int Column) Locate(int index)
    {
        index = Math.Clamp(index, 0, _text.Length);
        var line = _lineStarts.BinarySearch(index);
        if (line < 0)
        {
            line = ~line - 1;
        }

        var column = 1;
        for (var i = _lineStarts[line]; i < index; i++)
        {
            // The second half of a surrogate pair is part of the character before it.
            if (!(char.IsLowSurrogate(_text[i]) && i > 0 && char.IsHighSurrogate(_text[i - 1])))
            {
                column++;
            }
        }

        return (line + 1, column);
    }
}
