using System.Globalization;
using System.Text.RegularExpressions;

namespace Medic.Logs.Formats;

/// <summary>
/// nginx/Apache access logs (common and combined), with whatever the config appends: a bare <c>$request_time</c>
/// (seconds), <c>rt=</c>/<c>request_time=</c>/<c>urt=</c> pairs, a request ID. 5xx is an error, 4xx a warning.
/// </summary>
public sealed partial class AccessLogParser : ILogLineParser
{
    public string Name => "access";

    [GeneratedRegex("""^(?<ip>\S+) \S+ (?<user>\S+) \[(?<time>[^\]]+)\] "(?<method>[A-Z]{3,10}) (?<path>\S+)(?: [^"]*)?" (?<status>\d{3}) (?<bytes>\d+|-)(?: "(?<referer>(?:[^"\\]|\\.)*)" "(?<agent>(?:[^"\\]|\\.)*)")?(?<rest>.*)$""", RegexOptions.CultureInvariant)]
    private static partial Regex Combined();

    public bool TryParse(string line, LogRecord record)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(record);
        var m = Combined().Match(line);
        if (!m.Success)
        {
            return false;
        }

        record.Timestamp = TimestampValue.Parse(m.Groups["time"].ValueSpan);
        record.Method = m.Groups["method"].Value;
        record.Path = m.Groups["path"].Value;
        var status = int.Parse(m.Groups["status"].ValueSpan, CultureInfo.InvariantCulture);
        record.Status = status;
        record.Severity = status >= 500 ? LogSeverity.Error : status >= 400 ? LogSeverity.Warning : LogSeverity.Info;
        record.Component = "access";
        record.Message = $"{record.Method} {PathNormaliser.Normalise(record.Path)} {status}";
        ReadRest(m.Groups["rest"].Value, record);
        return true;
    }

    private static void ReadRest(string rest, LogRecord record)
    {
        string? template = null;
        foreach (var raw in rest.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var token = raw.Trim('"');
            var eq = token.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                var key = token[..eq];
                var value = token[(eq + 1)..];
                if (key is "rt" or "urt" or "uct" or "uht")
                {
                    record.Duration ??= key == "rt" ? DurationValue.FromSeconds(value) : null;
                    continue;
                }

                StructuredFields.Apply(record, key, value, isNumber: false, ref template);
            }
            else if (record.Duration is null && token.Contains('.', StringComparison.Ordinal)
                     && double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                record.Duration = TimeSpan.FromSeconds(seconds);
            }
            else if (record.RequestId is null && token.Length >= 16 && token.All(char.IsAsciiHexDigit))
            {
                record.RequestId = token;
            }
        }
    }
}
