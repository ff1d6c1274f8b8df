using System.Globalization;

namespace Medic.Logs.Formats;

/// <summary>
/// The hot path of <see cref="JsonLineParser"/>: a flat JSON object (string, number, true/false/null values, no escapes,
/// no nesting, no comments) read straight from the line's chars, with no UTF-8 copy and no reader. It first checks the
/// whole object and only then fills the record, exactly as the <see cref="System.Text.Json.Utf8JsonReader"/> path would;
/// on anything else it leaves the record untouched and returns false, and the reader decides.
/// </summary>
internal static class FlatJson
{
    private const int MaxFields = 32;

    /// <summary>Strings up to this length are scanned char by char.</summary>
    private const int ShortString = 16;

    private enum ValueType : byte
    {
        String,
        Number,
        True,
        False,
        Null,
    }

    private struct Field
    {
        public int KeyStart;
        public int KeyLength;
        public int ValueStart;
        public int ValueLength;
        public ValueType Type;
    }

    /// <summary>
    /// <paramref name="s"/> is the trimmed line, starting with '{' and ending with '}', at <paramref name="offset"/> in
    /// <paramref name="line"/>: string values without escapes are the line's own chars, so the message, component and
    /// request ID are given to the record as stretches of the line.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<char> s, string line, int offset, LogRecord record)
    {
        Span<Field> fields = stackalloc Field[MaxFields];
        var count = 0;
        var i = Skip(s, 1);
        if (i < s.Length && s[i] == '}')
        {
            return i == s.Length - 1 && Apply(s, line, offset, [], record);
        }

        while (true)
        {
            if (count == MaxFields || i >= s.Length || s[i] != '"')
            {
                return false;
            }

            ref var field = ref fields[count++];
            field.KeyStart = i + 1;
            field.KeyLength = StringLength(s, i + 1);
            if (field.KeyLength < 0)
            {
                return false;
            }

            i = Skip(s, field.KeyStart + field.KeyLength + 1);
            if (i >= s.Length || s[i] != ':')
            {
                return false;
            }

            i = Skip(s, i + 1);
            if (i >= s.Length || !ReadValue(s, i, ref field))
            {
                return false;
            }

            i = Skip(s, field.ValueStart + field.ValueLength + (field.Type == ValueType.String ? 1 : 0));
            if (i >= s.Length)
            {
                return false;
            }

            if (s[i] == '}')
            {
                // the reader stops at the object's end; the line is trimmed and ends with '}', so this must be it
                return i == s.Length - 1 && Apply(s, line, offset, fields[..count], record);
            }

            if (s[i] != ',')
            {
                return false;
            }

            i = Skip(s, i + 1);
        }
    }

    private static bool ReadValue(ReadOnlySpan<char> s, int i, ref Field field)
    {
        var c = s[i];
        if (c == '"')
        {
            field.Type = ValueType.String;
            field.ValueStart = i + 1;
            field.ValueLength = StringLength(s, i + 1);
            return field.ValueLength >= 0;
        }

        field.ValueStart = i;
        if (c == '-' || char.IsAsciiDigit(c))
        {
            field.Type = ValueType.Number;
            field.ValueLength = NumberLength(s[i..]);
            return field.ValueLength > 0;
        }

        var rest = s[i..];
        (field.Type, field.ValueLength) = rest.StartsWith("true") ? (ValueType.True, 4)
            : rest.StartsWith("false") ? (ValueType.False, 5)
            : rest.StartsWith("null") ? (ValueType.Null, 4)
            : (ValueType.Null, -1);
        return field.ValueLength > 0 && i + field.ValueLength < s.Length && IsDelimiter(s[i + field.ValueLength]);
    }

    /// <summary>Length of a plain string body from <paramref name="start"/> to its closing quote, or -1.</summary>
    private static int StringLength(ReadOnlySpan<char> s, int start)
    {
        if (start >= s.Length)
        {
            return -1;
        }

        var body = s[start..];

        // control characters (invalid JSON) and surrogates (lone ones become U+FFFD in UTF-8) go to the reader, and so,
        // to keep the test simple, does the rare text above U+D7FF; keys and short values are checked in one plain loop,
        // longer ones with two vectorised searches
        for (var i = 0; i < ShortString && i < body.Length; i++)
        {
            var c = body[i];
            if (c == '"')
            {
                return i;
            }

            if (c == '\\' || c < '\u0020' || c > '\uD7FF')
            {
                return -1;
            }
        }

        var end = body.IndexOfAny('"', '\\');
        return end < 0 || body[end] != '"' || body[..end].ContainsAnyExceptInRange('\u0020', '\uD7FF') ? -1 : end;
    }

    /// <summary>JSON's number grammar, followed by a delimiter; 0 when it does not hold.</summary>
    private static int NumberLength(ReadOnlySpan<char> s)
    {
        var i = 0;
        if (s[i] == '-')
        {
            i++;
        }

        if (i >= s.Length || !char.IsAsciiDigit(s[i]))
        {
            return 0;
        }

        i = s[i] == '0' ? i + 1 : Digits(s, i);
        if (i < s.Length && s[i] == '.')
        {
            var next = Digits(s, i + 1);
            if (next == i + 1)
            {
                return 0;
            }

            i = next;
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                i++;
            }

            var next = Digits(s, i);
            if (next == i)
            {
                return 0;
            }

            i = next;
        }

        return i < s.Length && IsDelimiter(s[i]) ? i : 0;
    }

    private static int Digits(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsDelimiter(char c) => c is ',' or '}' or ' ' or '\t' or '\n' or '\r';

    private static int Skip(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && s[i] is ' ' or '\t' or '\n' or '\r')
        {
            i++;
        }

        return i;
    }

    /// <summary>What <c>JsonLineParser.Read</c> does with each field, in order.</summary>
    private static bool Apply(ReadOnlySpan<char> s, string line, int offset, ReadOnlySpan<Field> fields, LogRecord record)
    {
        string? template = null;
        var sawError = false;
        var serilog = false;
        foreach (var field in fields)
        {
            var key = s.Slice(field.KeyStart, field.KeyLength);
            serilog |= key is "@t" or "@mt";
            var kind = FieldNames.Classify(key);
            if (kind == FieldKind.Other || field.Type == ValueType.Null)
            {
                continue;
            }

            var isNumber = field.Type == ValueType.Number;
            var value = s.Slice(field.ValueStart, field.ValueLength);
            sawError |= kind == FieldKind.Error && value.Length > 0;
            switch (kind)
            {
                case FieldKind.Error:
                    continue;
                case FieldKind.Time:
                    StructuredFields.ApplyTime(record, value, isNumber);
                    continue;
                case FieldKind.Level:
                    StructuredFields.ApplyLevel(record, value, isNumber);
                    continue;
                case FieldKind.Message or FieldKind.Component or FieldKind.RequestId:
                    StructuredFields.ApplyText(record, kind, line, offset + field.ValueStart, field.ValueLength);
                    continue;
                case FieldKind.Duration when isNumber && (SimpleNumber.TryParse(value, out var d) || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out d)):
                    record.Duration ??= DurationValue.FromBare(key, d, value.IndexOfAny("eE.") >= 0);
                    continue;
            }

            StructuredFields.Apply(record, kind, key, value.ToString(), isNumber, ref template);
        }

        StructuredFields.Finish(record, template, sawError, serilog);
        return true;
    }
}
