using System.Text.RegularExpressions;

namespace Medic.Logs.Formats;

/// <summary>
/// The common <c>date time [pid] level [thread] component: message</c> shapes (log4j, Python logging, Spark, HDFS,
/// Zookeeper, Apache error log, Go's log package): a timestamp first, then a level word among the next few tokens,
/// then an optional <c>component:</c> or <c>[component]</c>.
/// </summary>
public sealed partial class TextLineParser : ILogLineParser
{
    private const int LevelSearchTokens = 4;

    public string Name => "text";

    [GeneratedRegex("""^(?<ts>\d{4}[-/.]\d{2}[-/.]\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,:]\d+)?(?: ?(?:Z|[+-]\d{2}:?\d{2}|UTC))?|\d{2}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}|\d{6} \d{6}|\d{8}-\d{2}:\d{2}:\d{2}:\d{3}|\[[^\]]{8,40}\])[\s,|]+(?<rest>.*)$""", RegexOptions.CultureInvariant)]
    private static partial Regex Stamped();

    public bool TryParse(string line, LogRecord record)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(record);
        int stampEnd;
        int rest;
        if (!IsoStamp(line, out stampEnd, out rest))
        {
            // every shape the regex knows starts with a digit or '['
            if (line.Length == 0 || !(char.IsDigit(line[0]) || line[0] == '['))
            {
                return false;
            }

            var m = Stamped().Match(line);
            if (!m.Success)
            {
                return false;
            }

            stampEnd = m.Groups["ts"].Length;
            rest = m.Groups["rest"].Index;
        }

        record.Timestamp = TimestampValue.Parse(line.AsSpan(0, stampEnd));
        if (record.Timestamp is null)
        {
            return false;
        }

        ParseAfterTimestamp(line, rest, record);
        return true;
    }

    /// <summary>
    /// The regex's first shape without the regex, for the plain case only: <c>dddd-dd-dd[T ]dd:dd:dd[.,:]d…</c> then
    /// separators, no zone. Returns false whenever the regex could read the line differently (a zone, non-ASCII digits,
    /// a line break), and the regex decides.
    /// </summary>
    internal static bool IsoStamp(string line, out int stampEnd, out int rest)
    {
        stampEnd = rest = 0;
        var s = line.AsSpan();
        if (s.Length < 21 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':'
            || !Digits(s, 0, 4) || !Digits(s, 5, 2) || !Digits(s, 8, 2) || !Digits(s, 11, 2) || !Digits(s, 14, 2) || !Digits(s, 17, 2)
            || s.Contains('\n'))
        {
            return false;
        }

        var i = 19;
        if (s[i] is '.' or ',' or ':')
        {
            var start = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        if (i >= s.Length || char.IsDigit(s[i]) || MayBeZone(s[i..]) || (s[i] == ' ' && MayBeZone(s[(i + 1)..])))
        {
            return false;
        }

        stampEnd = i;
        while (i < s.Length && (char.IsWhiteSpace(s[i]) || s[i] is ',' or '|'))
        {
            i++;
        }

        rest = i;
        return i > stampEnd;
    }

    /// <summary>Whether the regex's optional zone (<c>Z</c>, <c>UTC</c>, <c>±dd…</c>) could start here.</summary>
    private static bool MayBeZone(ReadOnlySpan<char> s) =>
        !s.IsEmpty && (s[0] == 'Z' || s.StartsWith("UTC", StringComparison.Ordinal) || (s[0] is '+' or '-' && s.Length > 1 && char.IsDigit(s[1])));

    private static bool Digits(ReadOnlySpan<char> s, int at, int count)
    {
        for (var i = at; i < at + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads <c>[pid] level [thread] component: message</c> from <paramref name="start"/> on.</summary>
    internal static void ParseAfterTimestamp(string line, int start, LogRecord record)
    {
        var cursor = new TokenCursor(line, start);
        var afterLevel = -1;
        for (var i = 0; i < LevelSearchTokens && cursor.Next(out var s, out var e); i++)
        {
            var level = Severities.ParseWord(line.AsSpan(s, e - s));
            if (level != LogSeverity.Unknown)
            {
                record.Severity = level;
                afterLevel = e;
                break;
            }
        }

        if (afterLevel < 0)
        {
            record.SetMessageTrimmed(line, start, line.Length - start);
            record.Severity = LevelScan.Find(record.MessageSpan);
            return;
        }

        cursor = new TokenCursor(line, afterLevel);
        var bracket = (Start: -1, Length: 0);
        var messageStart = afterLevel;
        while (cursor.Next(out var s, out var e))
        {
            var token = line.AsSpan(s, e - s);
            if (token is "-" or ":" or "|")
            {
                messageStart = e;
                continue;
            }

            if (token[0] == '[' && token[^1] == ']' && bracket.Start < 0)
            {
                bracket = (s + 1, e - s - 2);
                messageStart = e;
                continue;
            }

            if (token.Length > 1 && token[^1] == ':' && !token.Contains("://", StringComparison.Ordinal))
            {
                record.SetComponent(line, s, e - 1 - s);
                messageStart = e;
            }
            else if (token.Length > 1 && NextIsDash(line, e))
            {
                // Python logging: "name - message"
                record.SetComponent(line, s, e - s);
                messageStart = line.IndexOf('-', e) + 1;
            }

            break;
        }

        if (!record.HasComponent && bracket.Start >= 0)
        {
            record.SetComponent(line, bracket.Start, bracket.Length);
        }

        record.SetMessageTrimmed(line, messageStart, line.Length - messageStart);
    }

    private static bool NextIsDash(string line, int from)
    {
        var i = from;
        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }

        return i + 1 < line.Length && line[i] == '-' && line[i + 1] == ' ';
    }
}
