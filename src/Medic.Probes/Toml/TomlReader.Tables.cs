namespace Medic.Probes.Toml;

/// <summary>The rules for where headers and dotted keys may define and extend tables.</summary>
internal sealed partial class TomlReader
{
    private void ReadHeader()
    {
        var start = _pos;
        _pos++;
        var arrayOfTables = Peek() == '[';
        if (arrayOfTables)
        {
            _pos++;
        }

        SkipWhitespace();
        if (Peek() == ']')
        {
            throw Error(_pos, "a table header needs a name");
        }

        var key = ReadKey();
        if (Peek() != ']')
        {
            throw Error(_pos, $"expected ']' to close the table header, found {Describe(_pos)}");
        }

        _pos++;
        if (arrayOfTables)
        {
            if (Peek() != ']')
            {
                throw Error(_pos, $"expected ']]' to close the array-of-tables header, found {Describe(_pos)}");
            }

            _pos++;
        }

        OpenTable(key, start, arrayOfTables);
    }

    private void OpenTable(List<KeyPart> key, int start, bool arrayOfTables)
    {
        var table = _root;
        var depth = 0;
        for (var i = 0; i < key.Count - 1; i++)
        {
            var part = key[i];
            depth++;
            if (!table.TryGetValue(part.Name, out var node))
            {
                var created = new TomlTable(TableOrigin.Implicit, _lines, start);
                table.Add(part.Name, created);
                table = created;
                continue;
            }

            var name = KeyText(key, i + 1);
            switch (node)
            {
                case TomlTable { Origin: TableOrigin.Inline } t:
                    throw Error(part.Index, $"cannot add to {name}: it is an inline table (line {t.Line}), complete as written");
                case TomlTable t:
                    table = t;
                    break;
                case TomlArray { IsArrayOfTables: true } a:
                    // A header below an array of tables extends its latest element.
                    table = (TomlTable)a[a.Count - 1];
                    depth++;
                    break;
                case TomlArray a:
                    throw Error(part.Index, $"cannot add to {name}: it is a static array (line {a.Line})");
                default:
                    throw Error(part.Index, $"{name} already holds {Noun(node.Kind)} (line {node.Line}), not a table");
            }
        }

        var last = key[^1];
        var full = KeyText(key, key.Count);
        depth++;
        if (depth + (arrayOfTables ? 1 : 0) > TomlParser.MaxDepth)
        {
            throw Error(last.Index, $"tables nest deeper than {TomlParser.MaxDepth} levels");
        }

        table.TryGetValue(last.Name, out var existing);
        if (arrayOfTables)
        {
            var element = new TomlTable(TableOrigin.Header, _lines, start);
            switch (existing)
            {
                case null:
                    var array = new TomlArray(ofTables: true, _lines, start);
                    array.Add(element);
                    table.Add(last.Name, array);
                    break;
                case TomlArray { IsArrayOfTables: true } a:
                    a.Add(element);
                    break;
                case TomlArray a:
                    throw Error(last.Index, $"cannot append to the static array {full} (line {a.Line}) with [[{full}]]");
                case TomlTable t:
                    throw Error(last.Index, $"[[{full}]] conflicts with the table {full} defined at line {t.Line}");
                default:
                    throw Error(last.Index, $"[[{full}]] conflicts with {full}, {Noun(existing.Kind)} defined at line {existing.Line}");
            }

            _current = element;
            _currentDepth = depth + 1;
            return;
        }

        switch (existing)
        {
            case null:
                var created = new TomlTable(TableOrigin.Header, _lines, start);
                table.Add(last.Name, created);
                _current = created;
                break;
            case TomlTable { Origin: TableOrigin.Implicit } t:
                t.Define(TableOrigin.Header, start);
                _current = t;
                break;
            case TomlTable { Origin: TableOrigin.Header } t:
                throw Error(start, $"table [{full}] is defined twice (first at line {t.Line})");
            case TomlTable { Origin: TableOrigin.Dotted } t:
                throw Error(start, $"table [{full}] is already defined by dotted keys (line {t.Line})");
            case TomlTable t:
                throw Error(start, $"table [{full}] is already defined as an inline table (line {t.Line})");
            case TomlArray { IsArrayOfTables: true } a:
                throw Error(start, $"[{full}] is an array of tables (line {a.Line}); add an element with [[{full}]]");
            default:
                throw Error(start, $"[{full}] conflicts with {full}, {Noun(existing.Kind)} defined at line {existing.Line}");
        }

        _currentDepth = depth;
    }

    /// <summary>Adds <c>a.b.c = value</c> below <paramref name="table"/>, creating tables for the leading parts.</summary>
    private void InsertDotted(TomlTable table, List<KeyPart> key, TomlNode value)
    {
        for (var i = 0; i < key.Count - 1; i++)
        {
            var part = key[i];
            if (!table.TryGetValue(part.Name, out var node))
            {
                var created = new TomlTable(TableOrigin.Dotted, _lines, part.Index);
                table.Add(part.Name, created);
                table = created;
                continue;
            }

            var name = KeyText(key, i + 1);
            switch (node)
            {
                case TomlTable { Origin: TableOrigin.Inline } t:
                    throw Error(part.Index, $"cannot add keys to {name}: it is an inline table (line {t.Line}), complete as written");
                case TomlTable { Origin: TableOrigin.Header } t:
                    throw Error(part.Index, $"cannot add keys to table {name} with dotted keys: its [header] is at line {t.Line}");
                case TomlTable { Origin: TableOrigin.Implicit } t:
                    t.Define(TableOrigin.Dotted, part.Index);
                    table = t;
                    break;
                case TomlTable t:
                    table = t;
                    break;
                case TomlArray a:
                    throw Error(part.Index, $"{name} is an array (line {a.Line}); dotted keys cannot add to it");
                default:
                    throw Error(part.Index, $"{name} already holds {Noun(node.Kind)} (line {node.Line}), not a table");
            }
        }

        var last = key[^1];
        if (table.TryGetValue(last.Name, out var existing))
        {
            throw Error(last.Index, $"duplicate key {KeyText(key, key.Count)} (first defined at line {existing.Line})");
        }

        table.Add(last.Name, value);
    }

    private static string Noun(TomlValueKind kind) => kind switch
    {
        TomlValueKind.String => "a string",
        TomlValueKind.Integer => "an integer",
        TomlValueKind.Float => "a float",
        TomlValueKind.Boolean => "a boolean",
        TomlValueKind.Array => "an array",
        TomlValueKind.Table => "a table",
        _ => "a date-time",
    };
}
