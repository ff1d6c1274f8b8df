using System.Text;
using System.Text.RegularExpressions;

namespace Medic.Logs.Formats;

/// <summary>
/// A line format in Loghub notation, <c>&lt;Date&gt; &lt;Time&gt; &lt;Level&gt; &lt;Component&gt;: &lt;Content&gt;</c>: each
/// <c>&lt;Field&gt;</c> captures lazily, text between fields is a regular expression in which a run of spaces matches a
/// run of whitespace (as Loghub's logparser builds it). Content is the message; Date, Time and Timestamp make the time;
/// Level and Component are read as such; other field names are recognised like structured keys (RequestId, Duration…).
/// </summary>
public sealed partial class LineFormatParser : ILogLineParser
{
    private readonly Regex _regex;
    private readonly string[] _fields;

    public LineFormatParser(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        Format = format;
        (_regex, _fields) = Build(format);
    }

    public string Name => "line-format";

    public string Format { get; }

    public IReadOnlyList<string> Fields => _fields;

    [GeneratedRegex(" +")]
    private static partial Regex Spaces();

    public bool TryParse(string line, LogRecord record)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(record);
        Match m;
        try
        {
            m = _regex.Match(line.Trim());
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }

        if (!m.Success)
        {
            return false;
        }

        string? date = null;
        string? time = null;
        string? template = null;
        foreach (var field in _fields)
        {
            var value = m.Groups[field].Value;
            switch (field.ToLowerInvariant())
            {
                case "content":
                    record.Message = value;
                    break;
                case "date":
                    date = value;
                    break;
                case "time" or "timestamp" or "datetime":
                    time = value;
                    break;
                case "level":
                    record.Severity = Severities.Parse(value);
                    break;
                default:
                    StructuredFields.Apply(record, field, value, isNumber: false, ref template);
                    break;
            }
        }

        record.Timestamp ??= Stamp(date, time);
        if (record.Severity == LogSeverity.Unknown)
        {
            record.Severity = LevelScan.Find(record.Message);
        }

        return true;
    }

    private static DateTimeOffset? Stamp(string? date, string? time) =>
        date is not null && time is not null ? TimestampValue.Parse($"{date} {time}") ?? TimestampValue.Parse(time)
        : TimestampValue.Parse(time ?? date);

    private static (Regex, string[]) Build(string format)
    {
        var pattern = new StringBuilder("^");
        var fields = new List<string>();
        var i = 0;
        while (i < format.Length)
        {
            var open = format.IndexOf('<', i);
            var literal = open < 0 ? format[i..] : format[i..open];
            pattern.Append(Spaces().Replace(literal, @"\s+"));
            if (open < 0)
            {
                break;
            }

            var close = format.IndexOf('>', open + 1);
            var nextOpen = format.IndexOf('<', open + 1);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close))
            {
                throw new LineFormatException($"'<' at column {open + 1} has no closing '>'", open + 1);
            }

            var name = format[(open + 1)..close];
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || char.IsAsciiDigit(name[0]))
            {
                throw new LineFormatException($"field name '<{name}>' at column {open + 1} must be letters, digits or _", open + 1);
            }

            if (fields.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new LineFormatException($"field '<{name}>' at column {open + 1} appears twice", open + 1);
            }

            fields.Add(name);
            pattern.Append("(?<").Append(name).Append(">.*?)");
            i = close + 1;
        }

        if (!fields.Contains("Content", StringComparer.OrdinalIgnoreCase))
        {
            throw new LineFormatException("the format has no <Content> field (the message)", format.Length + 1);
        }

        pattern.Append('$');
        try
        {
            return (new Regex(pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1)), [.. fields]);
        }
        catch (RegexParseException e)
        {
            throw new LineFormatException($"the text between fields is not a valid regular expression: {e.Error}", ColumnOf(format, e.Offset));
        }
    }

    // The built pattern differs from the format; point at the first literal part that fails on its own.
    private static int ColumnOf(string format, int offset)
    {
        _ = offset;
        var i = 0;
        while (i < format.Length)
        {
            var open = format.IndexOf('<', i);
            var end = open < 0 ? format.Length : open;
            try
            {
                _ = new Regex(format[i..end]);
            }
            catch (RegexParseException e)
            {
                return i + Math.Max(e.Offset, 1);
            }

            if (open < 0)
            {
                break;
            }

            i = format.IndexOf('>', open) + 1;
        }

        return 1;
    }
}
