using System.Text;

namespace Medic.Probes.Toml;

/// <summary>Multi-line strings: the trimmed first newline, closing quote runs and line-ending backslashes.</summary>
internal sealed partial class TomlReader
{
    private string ReadMultilineBasicString()
    {
        var start = _pos;
        _pos += 3;
        SkipFirstNewline();
        var sb = new StringBuilder();
        while (true)
        {
            switch (Peek())
            {
                case Eof:
                    throw Error(start, "unterminated multi-line string: '\"\"\"' is missing");
                case '"':
                    if (CloseMultiline(sb, '"'))
                    {
                        return sb.ToString();
                    }

                    break;
                case '\\' when IsLineEndingBackslash():
                    SkipLineEndingBackslash();
                    break;
                case '\\':
                    ReadEscape(sb);
                    break;
                case '\n' or '\r':
                    AppendNewline(sb);
                    break;
                default:
                    AppendChar(sb, "string");
                    break;
            }
        }
    }

    private string ReadMultilineLiteralString()
    {
        var start = _pos;
        _pos += 3;
        SkipFirstNewline();
        var sb = new StringBuilder();
        while (true)
        {
            switch (Peek())
            {
                case Eof:
                    throw Error(start, "unterminated multi-line string: \"'''\" is missing");
                case '\'':
                    if (CloseMultiline(sb, '\''))
                    {
                        return sb.ToString();
                    }

                    break;
                case '\n' or '\r':
                    AppendNewline(sb);
                    break;
                default:
                    AppendChar(sb, "string");
                    break;
            }
        }
    }

    private void SkipFirstNewline()
    {
        if (Peek() == '\n')
        {
            _pos++;
        }
        else if (Peek() == '\r' && PeekAt(_pos + 1) == '\n')
        {
            _pos += 2;
        }
    }

    /// <summary>
    /// At a run of quotes: fewer than three are content; three to five close the string, the ones before the last
    /// three being content (<c>""""a""""</c> is <c>"a"</c>).
    /// </summary>
    private bool CloseMultiline(StringBuilder sb, char quote)
    {
        var run = 0;
        while (PeekAt(_pos + run) == quote)
        {
            run++;
        }

        if (run < 3)
        {
            sb.Append(quote, run);
            _pos += run;
            return false;
        }

        if (run > 5)
        {
            throw Error(_pos + 5, "too many quotes at the end of a multi-line string (at most two may precede the closing three)");
        }

        sb.Append(quote, run - 3);
        _pos += run;
        return true;
    }

    /// <summary>A backslash followed only by whitespace up to the end of its line.</summary>
    private bool IsLineEndingBackslash()
    {
        var i = _pos + 1;
        while (PeekAt(i) is ' ' or '\t')
        {
            i++;
        }

        return PeekAt(i) == '\n' || (PeekAt(i) == '\r' && PeekAt(i + 1) == '\n');
    }

    /// <summary>Trims the backslash and all whitespace and newlines after it.</summary>
    private void SkipLineEndingBackslash()
    {
        _pos++;
        while (true)
        {
            var c = Peek();
            if (c is ' ' or '\t' or '\n')
            {
                _pos++;
            }
            else if (c == '\r' && PeekAt(_pos + 1) == '\n')
            {
                _pos += 2;
            }
            else
            {
                return;
            }
        }
    }
}
