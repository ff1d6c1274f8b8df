using System.Globalization;
using System.Text;

namespace Medic.Probes.Toml;

/// <summary>The four kinds of string: basic, literal, and their multi-line forms.</summary>
internal sealed partial class TomlReader
{
    private string ReadBasicString()
    {
        var start = _pos;
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            var c = Peek();
            switch (c)
            {
                case Eof or '\n' or '\r':
                    throw Error(start, "unterminated string: a basic string must close on the same line");
                case '"':
                    _pos++;
                    return sb.ToString();
                case '\\':
                    ReadEscape(sb);
                    break;
                default:
                    AppendChar(sb, "string");
                    break;
            }
        }
    }

    private string ReadLiteralString()
    {
        var start = _pos;
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            switch (Peek())
            {
                case Eof or '\n' or '\r':
                    throw Error(start, "unterminated string: a literal string must close on the same line");
                case '\'':
                    _pos++;
                    return sb.ToString();
                default:
                    AppendChar(sb, "string");
                    break;
            }
        }
    }

    private void AppendNewline(StringBuilder sb)
    {
        if (Peek() == '\r')
        {
            if (PeekAt(_pos + 1) != '\n')
            {
                throw Error(_pos, "a carriage return must be followed by a line feed");
            }

            _pos++;
        }

        _pos++;
        sb.Append('\n');
    }

    private void AppendChar(StringBuilder sb, string where)
    {
        var c = _text[_pos];
        if (IsControl(c))
        {
            throw Error(_pos, $"control character {Describe(_pos)} must be escaped in a {where}");
        }

        var from = _pos;
        SkipChar();
        sb.Append(_text, from, _pos - from);
    }

    private void ReadEscape(StringBuilder sb)
    {
        var start = _pos;
        _pos++;
        var c = Peek();
        _pos++;
        switch (c)
        {
            case 'b': sb.Append('\b'); break;
            case 't': sb.Append('\t'); break;
            case 'n': sb.Append('\n'); break;
            case 'f': sb.Append('\f'); break;
            case 'r': sb.Append('\r'); break;
            case '"': sb.Append('"'); break;
            case '\\': sb.Append('\\'); break;
            case 'u': sb.Append(ReadUnicodeEscape(start, 4)); break;
            case 'U': sb.Append(ReadUnicodeEscape(start, 8)); break;
            case Eof:
                throw Error(start, "unterminated string: it ends with a backslash");
            default:
                _pos--;
                var shown = c is > ' ' and < 0x7F ? $"'\\{(char)c}'" : $"a backslash before {Describe(_pos)}";
                throw Error(start, $"invalid escape sequence {shown} (valid: \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX)");
        }
    }

    private string ReadUnicodeEscape(int start, int digits)
    {
        var end = _pos + digits;
        if (end > _text.Length || _text.AsSpan(_pos, digits).ContainsAnyExcept("0123456789abcdefABCDEF"))
        {
            throw Error(start, $"\\{_text[start + 1]} needs exactly {digits} hex digits");
        }

        var hex = _text.Substring(_pos, digits);
        var value = long.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        _pos = end;
        if (value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF)
        {
            throw Error(start, $"\\{_text[start + 1]}{hex} is not a Unicode scalar value (U+0000 to U+D7FF or U+E000 to U+10FFFF)");
        }

        return char.ConvertFromUtf32((int)value);
    }
}
