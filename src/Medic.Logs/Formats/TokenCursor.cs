namespace Medic.Logs.Formats;

/// <summary>Walks whitespace-separated tokens of a line, giving their start and end offsets; a <c>[…]</c> token may contain spaces.</summary>
internal struct TokenCursor(string line, int position)
{
    private int _position = position;

    public bool Next(out int start, out int end)
    {
        while (_position < line.Length && char.IsWhiteSpace(line[_position]))
        {
            _position++;
        }

        start = _position;
        if (_position >= line.Length)
        {
            end = start;
            return false;
        }

        if (line[_position] == '[')
        {
            var depth = 0;
            for (var i = _position; i < line.Length; i++)
            {
                depth += line[i] == '[' ? 1 : line[i] == ']' ? -1 : 0;
                if (depth == 0)
                {
                    _position = i + 1;
                    end = _position;
                    return true;
                }
            }
        }

        while (_position < line.Length && !char.IsWhiteSpace(line[_position]))
        {
            _position++;
        }

        end = _position;
        return true;
    }
}
