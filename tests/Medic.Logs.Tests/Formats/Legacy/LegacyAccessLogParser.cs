// The code as it was before its fast path: the oracle the equivalence tests compare with.
using System.Globalization;
using System.Text.RegularExpressions;

using Medic.Logs.Formats;

namespace Medic.Logs.Tests.Formats.Legacy;

/// <summary>
/// nginx/Apache access logs (common and combined), with whatever the config appends: a bare <c>$request_time</c>
/// (seconds), <c>rt=</c>/<c>request_time=</c>/<c>urt=</c> pairs, a request ID. 5xx is an error, 4xx a warning.
/// </summary>
internal sealed partial class LegacyAccessLogParser : ILogLineParser
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

        record.Timestamp = LegacyTimestampValue.Parse(m.Groups["time"].ValueSpan);
        record.Method = m.Groups["method"].Value;
        record.Path = m.Groups["path"].Value;
        var status = int.Parse(m.Groups["status"].ValueSpan, CultureInfo.InvariantCulture);
        record.Status = status;
        record.Severity = status >= 500 ? LogSeverity.Error : status >= 400 ? LogSeverity.Warning : LogSeverity.Info;
        record.Component = "access";
        record.Message = $"{record.Method} {LegacyPathNormaliser.Normalise(record.Path)} {status} {Reason(status)}";
        ReadRest(m.Groups["rest"].Value, record);
        return true;
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        429 => "Too Many Requests",
        499 => "Client Closed Request",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => status >= 500 ? "server error" : status >= 400 ? "client error" : status >= 300 ? "redirect" : "success",
    };

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
            else if (record.RequestId is null && token.Length >= 6 && token != "-" && token.Any(char.IsAsciiDigit) && token.Any(char.IsAsciiLetter))
            {
                record.RequestId = token;
            }
        }
    }
}
