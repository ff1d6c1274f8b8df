namespace Medic.Logs.Formats;

/// <summary>
/// logfmt (<c>time=… level=error msg="database is locked" duration=1.5ms request_id=abc</c>), as Go's slog text handler,
/// logrus and Heroku write it. A line is logfmt when it has at least two pairs and one of them is a level, message or time.
/// </summary>
public sealed class LogfmtParser : ILogLineParser
{
    public string Name => "logfmt";

    public bool TryParse(string line, LogRecord record)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(record);
        var pairs = 0;
        var known = 0;
        string? template = null;
        var sawError = false;
        var i = 0;
        var span = line.AsSpan();
        while (i < span.Length)
        {
            while (i < span.Length && span[i] == ' ')
            {
                i++;
            }

            if (i >= span.Length)
            {
                break;
            }

            var keyStart = i;
            while (i < span.Length && span[i] != '=' && span[i] != ' ' && span[i] != '"')
            {
                i++;
            }

            if (i >= span.Length || span[i] != '=' || i == keyStart)
            {
                // a bare word: logfmt allows it, but a line of prose is not logfmt
                if (pairs == 0)
                {
                    return false;
                }

                while (i < span.Length && span[i] != ' ')
                {
                    i++;
                }

                continue;
            }

            var key = line[keyStart..i];
            i++;
            string value;
            if (i < span.Length && span[i] == '"')
            {
                var end = ClosingQuote(span, i + 1);
                if (end < 0)
                {
                    return false;
                }

                value = Unquote(span[(i + 1)..end]);
                i = end + 1;
            }
            else
            {
                var start = i;
                while (i < span.Length && span[i] != ' ')
                {
                    i++;
                }

                value = line[start..i];
            }

            pairs++;
            var kind = FieldNames.Classify(key);
            if (kind is FieldKind.Level or FieldKind.Message or FieldKind.Time)
            {
                known++;
            }

            sawError |= kind == FieldKind.Error && value.Length > 0;
            StructuredFields.Apply(record, key, value, isNumber: false, ref template);
        }

        if (pairs < 2 || known == 0)
        {
            return false;
        }

        StructuredFields.Finish(record, template, sawError, serilog: false);
        return true;
    }

    private static int ClosingQuote(ReadOnlySpan<char> span, int from)
    {
        for (var i = from; i < span.Length; i++)
        {
            if (span[i] == '\\')
            {
                i++;
            }
            else if (span[i] == '"')
            {
                return i;
            }
        }

        return -1;
    }

    private static string Unquote(ReadOnlySpan<char> s) =>
        s.Contains('\\') ? s.ToString().Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal) : s.ToString();
}
