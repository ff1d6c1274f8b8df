namespace Medic.Probes.Toml;

/// <summary>Values: dispatch, arrays and inline tables.</summary>
internal sealed partial class TomlReader
{
    /// <summary>Reads the value starting here; a table or array it makes sits at <paramref name="depth"/>.</summary>
    private TomlNode ReadValue(int depth)
    {
        var start = _pos;
        switch (Peek())
        {
            case '"':
                var basic = At("\"\"\"") ? ReadMultilineBasicString() : ReadBasicString();
                return new TomlValue(TomlValueKind.String, basic, basic, _lines, start);
            case '\'':
                var literal = At("'''") ? ReadMultilineLiteralString() : ReadLiteralString();
                return new TomlValue(TomlValueKind.String, literal, literal, _lines, start);
            case '[':
                CheckDepth(depth, start);
                return ReadArray(depth);
            case '{':
                CheckDepth(depth, start);
                return ReadInlineTable(depth);
            default:
                return ReadScalar();
        }
    }

    private void CheckDepth(int depth, int index)
    {
        if (depth > TomlParser.MaxDepth)
        {
            throw Error(index, $"arrays and tables nest deeper than {TomlParser.MaxDepth} levels");
        }
    }

    private TomlArray ReadArray(int depth)
    {
        var start = _pos;
        _pos++;
        var array = new TomlArray(ofTables: false, _lines, start);
        while (true)
        {
            SkipArrayFiller(start);
            if (Peek() == ']')
            {
                _pos++;
                return array;
            }

            if (Peek() == ',')
            {
                throw Error(_pos, "expected a value before ',' in the array");
            }

            array.Add(ReadValue(depth + 1));
            SkipArrayFiller(start);
            switch (Peek())
            {
                case ',':
                    _pos++;
                    break;
                case ']':
                    _pos++;
                    return array;
                default:
                    throw Error(_pos, $"expected ',' or ']' in the array, found {Describe(_pos)}");
            }
        }
    }

    /// <summary>Inside an array whitespace, newlines and comments may come between values.</summary>
    private void SkipArrayFiller(int arrayStart)
    {
        while (true)
        {
            SkipWhitespace();
            switch (Peek())
            {
                case '#':
                    SkipComment();
                    break;
                case '\n':
                    _pos++;
                    break;
                case '\r' when PeekAt(_pos + 1) == '\n':
                    _pos += 2;
                    break;
                case '\r':
                    throw Error(_pos, "a carriage return must be followed by a line feed");
                case Eof:
                    throw Error(arrayStart, "unterminated array: ']' is missing");
                default:
                    return;
            }
        }
    }

    private TomlTable ReadInlineTable(int depth)
    {
        var start = _pos;
        _pos++;
        var table = new TomlTable(TableOrigin.Inline, _lines, start);
        SkipWhitespace();
        if (Peek() == '}')
        {
            _pos++;
            return table;
        }

        while (true)
        {
            SkipWhitespace();
            CheckInlineLine(start);
            ReadKeyValue(table, depth);
            SkipWhitespace();
            switch (Peek())
            {
                case ',':
                    var comma = _pos;
                    _pos++;
                    SkipWhitespace();
                    if (Peek() == '}')
                    {
                        throw Error(comma, "a trailing comma is not allowed in an inline table");
                    }

                    break;
                case '}':
                    _pos++;
                    table.Freeze();
                    return table;
                default:
                    CheckInlineLine(start);
                    throw Error(_pos, $"expected ',' or '}}' in the inline table, found {Describe(_pos)}");
            }
        }
    }

    private void CheckInlineLine(int tableStart)
    {
        switch (Peek())
        {
            case '\n' or '\r':
                throw Error(_pos, "an inline table must be on one line: no newlines between '{' and '}'");
            case '#':
                throw Error(_pos, "an inline table must be on one line: no comments between '{' and '}'");
            case Eof:
                throw Error(tableStart, "unterminated inline table: '}' is missing");
        }
    }
}
