using System.Globalization;

namespace Medic.Probes.Toml;

/// <summary>
/// Reads one TOML 1.0 document by recursive descent. Every failure is a <see cref="TomlException"/> positioned at
/// the offending character; nesting is bounded by <see cref="TomlParser.MaxDepth"/> so no input exhausts the stack.
/// </summary>
internal sealed partial class TomlReader
{
    private const int Eof = -1;

    private readonly string _text;
    private readonly LineMap _lines;
    private readonly TomlTable _root;
    private TomlTable _current;
    private int _currentDepth;
    private int _pos;

    public TomlReader(string text)
    {
        _text = text;
        _lines = new LineMap(text);
        _root = new TomlTable(TableOrigin.Header, _lines, 0);
        _current = _root;
    }

    public TomlDocument ReadDocument()
    {
        if (_text.Length > 0 && _text[0] == '\uFEFF')
        {
            _pos = 1;
        }

        while (true)
        {
            SkipWhitespace();
            var c = Peek();
            if (c == Eof)
            {
                break;
            }

            switch (c)
            {
                case '#' or '\n' or '\r':
                    ExpectLineEnd("comment");
                    break;
                case '[':
                    ReadHeader();
                    ExpectLineEnd("table header");
                    break;
                default:
                    ReadKeyValue(_current, _currentDepth);
                    ExpectLineEnd("value");
                    break;
            }
        }

        return new TomlDocument(_root);
    }

    private int Peek() => _pos < _text.Length ? _text[_pos] : Eof;

    private int PeekAt(int index) => index < _text.Length ? _text[index] : Eof;

    private bool At(string s) => _text.AsSpan(_pos).StartsWith(s, StringComparison.Ordinal);

    private void SkipWhitespace()
    {
        while (Peek() is ' ' or '\t')
        {
            _pos++;
        }
    }

    /// <summary>After a value or header only whitespace and a comment may follow before the newline.</summary>
    private void ExpectLineEnd(string after)
    {
        SkipWhitespace();
        if (Peek() == '#')
        {
            SkipComment();
        }

        var c = Peek();
        if (c == Eof)
        {
            return;
        }

        if (c == '\n' || (c == '\r' && PeekAt(_pos + 1) == '\n'))
        {
            _pos += c == '\n' ? 1 : 2;
            return;
        }

        if (c == '\r')
        {
            throw Error(_pos, "a carriage return must be followed by a line feed");
        }

        throw Error(_pos, after == "value"
            ? $"expected the end of the line after the value, found {Describe(_pos)} (each key/value pair needs its own line)"
            : $"expected the end of the line after the {after}, found {Describe(_pos)}");
    }

    private void SkipComment()
    {
        _pos++;
        while (true)
        {
            var c = Peek();
            if (c == Eof || c == '\n' || (c == '\r' && PeekAt(_pos + 1) == '\n'))
            {
                return;
            }

            if (IsControl(c))
            {
                throw Error(_pos, $"control character {Describe(_pos)} is not allowed in a comment");
            }

            SkipChar();
        }
    }

    /// <summary>Steps over one character, refusing a lone surrogate (the text cannot have come from valid UTF-8).</summary>
    private void SkipChar()
    {
        var c = _text[_pos];
        if (char.IsHighSurrogate(c) && _pos + 1 < _text.Length && char.IsLowSurrogate(_text[_pos + 1]))
        {
            _pos += 2;
            return;
        }

        if (char.IsSurrogate(c))
        {
            throw Error(_pos, "invalid Unicode: a lone surrogate");
        }

        _pos++;
    }

    private static bool IsControl(int c) => c is (>= 0 and < 0x20 and not '\t') or 0x7F;

    private TomlException Error(int index, string message)
    {
        var (line, column) = _lines.Locate(index);
        return new TomlException(line, column, message);
    }

    private string Describe(int index)
    {
        if (index >= _text.Length)
        {
            return "the end of the document";
        }

        var c = _text[index];
        return c switch
        {
            '\n' => "a newline",
            '\'' => "\"'\"",
            _ when char.IsHighSurrogate(c) && index + 1 < _text.Length && char.IsLowSurrogate(_text[index + 1]) =>
                $"'{_text.Substring(index, 2)}'",
            _ when IsControl(c) || char.IsSurrogate(c) || char.IsWhiteSpace(c) =>
                "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            _ => $"'{c}'",
        };
    }
}
