using System.Text;

namespace Medic.Probes.Toml;

internal sealed partial class TomlReader
{
    /// <summary>Reads a possibly dotted key; whitespace around the dots is allowed and ignored.</summary>
    private List<KeyPart> ReadKey()
    {
        var parts = new List<KeyPart>();
        while (true)
        {
            SkipWhitespace();
            var start = _pos;
            var c = Peek();
            string name;
            if (c is '"' or '\'')
            {
                if (At("\"\"\"") || At("'''"))
                {
                    throw Error(start, "a multi-line string cannot be used as a key");
                }

                name = c == '"' ? ReadBasicString() : ReadLiteralString();
            }
            else if (IsBareKeyChar(c))
            {
                while (IsBareKeyChar(Peek()))
                {
                    _pos++;
                }

                name = _text[start.._pos];
            }
            else
            {
                throw Error(start, c switch
                {
                    '=' => "a key is missing before '='",
                    Eof or '\n' or '\r' => parts.Count == 0 ? "expected a key" : "a key cannot end with '.'",
                    '.' => parts.Count == 0 ? "a key cannot start with '.'" : "a key cannot contain '..'",
                    _ => $"{Describe(start)} cannot start a key (bare keys use A-Z a-z 0-9 _ -; other keys need quotes)",
                });
            }

            parts.Add(new KeyPart(name, start));
            if (parts.Count > TomlParser.MaxDepth)
            {
                throw Error(start, $"a key with more than {TomlParser.MaxDepth} parts nests too deep");
            }

            SkipWhitespace();
            if (Peek() != '.')
            {
                return parts;
            }

            _pos++;
        }
    }

    private static bool IsBareKeyChar(int c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-';

    /// <summary>A key as it would be written: parts joined by dots, quoted where a bare key could not spell them.</summary>
    private static string KeyText(IReadOnlyList<KeyPart> key, int count)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                sb.Append('.');
            }

            var name = key[i].Name;
            if (name.Length > 0 && name.All(ch => IsBareKeyChar(ch)))
            {
                sb.Append(name);
                continue;
            }

            sb.Append('"');
            foreach (var ch in name)
            {
                _ = ch switch
                {
                    '"' => sb.Append("\\\""),
                    '\\' => sb.Append(@"\\"),
                    _ when IsControl(ch) => sb.Append(@"\u").Append(((int)ch).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)),
                    _ => sb.Append(ch),
                };
            }

            sb.Append('"');
        }

        return sb.ToString();
    }

    /// <summary>Reads <c>key = value</c> into <paramref name="table"/>, whose depth is <paramref name="depth"/>.</summary>
    private void ReadKeyValue(TomlTable table, int depth)
    {
        var key = ReadKey();
        if (Peek() != '=')
        {
            throw Error(_pos, $"expected '=' after the key {KeyText(key, key.Count)}, found {Describe(_pos)}");
        }

        _pos++;
        SkipWhitespace();
        if (Peek() is Eof or '\n' or '\r' or '#')
        {
            throw Error(_pos, $"a value must follow '=' on the same line (key {KeyText(key, key.Count)})");
        }

        if (depth + key.Count > TomlParser.MaxDepth)
        {
            throw Error(key[^1].Index, $"tables nest deeper than {TomlParser.MaxDepth} levels");
        }

        var value = ReadValue(depth + key.Count);
        InsertDotted(table, key, value);
    }
}
