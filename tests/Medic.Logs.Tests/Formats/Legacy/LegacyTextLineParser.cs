// The parser as it was before the span-based fast paths: the oracle the equivalence tests compare with.
using System.Text.RegularExpressions;

using Medic.Logs.Formats;

namespace Medic.Logs.Tests.Formats.Legacy;

/// <summary>
/// The common <c>date time [pid] level [thread] component: message</c> shapes (log4j, Python logging, Spark, HDFS,
/// Zookeeper, Apache error log, Go's log package): a timestamp first, then a level word among the next few tokens,
/// then an optional <c>component:</c> or <c>[component]</c>.
/// </summary>
internal sealed partial class LegacyTextLineParser : ILogLineParser
{
    private const int LevelSearchTokens = 4;

    public string Name => "text";

    [GeneratedRegex("""^(?<ts>\d{4}[-/.]\d{2}[-/.]\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,:]\d+)?(?: ?(?:Z|[+-]\d{2}:?\d{2}|UTC))?|\d{2}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}|\d{6} \d{6}|\d{8}-\d{2}:\d{2}:\d{2}:\d{3}|\[[^\]]{8,40}\])[\s,|]+(?<rest>.*)$""", RegexOptions.CultureInvariant)]
    private static partial Regex Stamped();

    public bool TryParse(string line, LogRecord record)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(record);
        var m = Stamped().Match(line);
        if (!m.Success)
        {
            return false;
        }

        record.Timestamp = LegacyTimestampValue.Parse(m.Groups["ts"].ValueSpan);
        if (record.Timestamp is null)
        {
            return false;
        }

        ParseAfterTimestamp(line, m.Groups["rest"].Index, record);
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
            record.Message = line[start..].Trim();
            record.Severity = LevelScan.Find(record.Message);
            return;
        }

        cursor = new TokenCursor(line, afterLevel);
        string? bracket = null;
        var messageStart = afterLevel;
        while (cursor.Next(out var s, out var e))
        {
            var token = line.AsSpan(s, e - s);
            if (token is "-" or ":" or "|")
            {
                messageStart = e;
                continue;
            }

            if (token[0] == '[' && token[^1] == ']' && bracket is null)
            {
                bracket = line[(s + 1)..(e - 1)];
                messageStart = e;
                continue;
            }

            if (token.Length > 1 && token[^1] == ':' && !token.Contains("://", StringComparison.Ordinal))
            {
                record.Component = line[s..(e - 1)];
                messageStart = e;
            }
            else if (token.Length > 1 && NextIsDash(line, e))
            {
                // Python logging: "name - message"
                record.Component = line[s..e];
                messageStart = line.IndexOf('-', e) + 1;
            }

            break;
        }

        record.Component ??= bracket;
        record.Message = line[messageStart..].Trim();
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
