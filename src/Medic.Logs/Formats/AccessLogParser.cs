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

    // groups by number: a lookup by name hashes the name on every line
    private static readonly int TimeGroup = Combined().GroupNumberFromName("time");
    private static readonly int MethodGroup = Combined().GroupNumberFromName("method");
    private static readonly int PathGroup = Combined().GroupNumberFromName("path");
    private static readonly int StatusGroup = Combined().GroupNumberFromName("status");
    private static readonly int RestGroup = Combined().GroupNumberFromName("rest");

    public bool TryParse(string line, LogRecord record)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(record);
        var m = Combined().Match(line);
        if (!m.Success)
        {
            return false;
        }

        record.Timestamp = TimestampValue.Parse(m.Groups[TimeGroup].ValueSpan);
        record.Method = Method(m.Groups[MethodGroup].ValueSpan);
        record.Path = m.Groups[PathGroup].Value;
        var status = int.Parse(m.Groups[StatusGroup].ValueSpan, CultureInfo.InvariantCulture);
        record.Status = status;
        record.Severity = status >= 500 ? LogSeverity.Error : status >= 400 ? LogSeverity.Warning : LogSeverity.Info;
        record.Component = "access";
        record.Route = PathNormaliser.Normalise(record.Path);
        record.Message = $"{record.Method} {record.Route} {status} {Reason(status)}";
        ReadRest(m.Groups[RestGroup].ValueSpan, record);
        return true;
    }

    /// <summary>The common methods as one string each, not one per line.</summary>
    private static string Method(ReadOnlySpan<char> method) => method switch
    {
        "GET" => "GET",
        "POST" => "POST",
        "PUT" => "PUT",
        "DELETE" => "DELETE",
        "HEAD" => "HEAD",
        "PATCH" => "PATCH",
        "OPTIONS" => "OPTIONS",
        _ => method.ToString(),
    };

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

    private static void ReadRest(ReadOnlySpan<char> rest, LogRecord record)
    {
        string? template = null;
        foreach (var range in rest.Split(' '))
        {
            var token = rest[range].Trim('"');
            if (token.IsEmpty)
            {
                continue;
            }

            var eq = token.IndexOf('=');
            if (eq > 0)
            {
                var key = token[..eq];
                var value = token[(eq + 1)..];
                if (key is "rt" or "urt" or "uct" or "uht")
                {
                    record.Duration ??= key is "rt" ? DurationValue.FromSeconds(value.ToString()) : null;
                    continue;
                }

                StructuredFields.Apply(record, FieldNames.Classify(key), key, value.ToString(), isNumber: false, ref template);
            }
            else if (record.Duration is null && token.Contains('.')
                     && double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                record.Duration = TimeSpan.FromSeconds(seconds);
            }
            else if (!record.HasRequestId && token.Length >= 6 && token is not "-" && token.ContainsAnyInRange('0', '9') && token.ContainsAnyInRange('a', 'z') | token.ContainsAnyInRange('A', 'Z'))
            {
                record.RequestId = token.ToString();
            }
        }
    }
}
