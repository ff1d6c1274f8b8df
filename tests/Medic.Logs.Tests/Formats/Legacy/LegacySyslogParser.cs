// The code as it was before its fast path: the oracle the equivalence tests compare with.
using System.Globalization;
using System.Text.RegularExpressions;

using Medic.Logs.Formats;

namespace Medic.Logs.Tests.Formats.Legacy;

/// <summary>
/// Syslog and journal text: RFC 5424, RFC 3164 (<c>&lt;34&gt;Oct 11 22:14:15 host su[123]: msg</c>), journalctl's
/// <c>short</c> and <c>short-iso</c> output. The program's own message is then read as JSON, logfmt or text when it is one,
/// so a Go service's <c>level=error msg=…</c> under journald keeps its level and fields.
/// </summary>
internal sealed partial class LegacySyslogParser : ILogLineParser
{
    private static readonly ILogLineParser[] Inner = [new JsonLineParser(), new LogfmtParser()];

    public string Name => "syslog";

    [GeneratedRegex("""^<(?<pri>\d{1,3})>1 (?<ts>\S+) (?<host>\S+) (?<app>\S+) (?<procid>\S+) (?<msgid>\S+) (?<sd>-|(?:\[(?:[^\]\\]|\\.)*\])+) ?(?<msg>.*)$""", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc5424();

    [GeneratedRegex("""^(?:<(?<pri>\d{1,3})>)?(?<ts>[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}(?:\.\d+)?|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})) (?<host>\S+) (?<app>[^\s:\[]+)(?:\[(?<pid>\d+)\])?: ?(?<msg>.*)$""", RegexOptions.CultureInvariant)]
    private static partial Regex Bsd();

    public bool TryParse(string line, LogRecord record)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(record);
        var m = line.StartsWith('<') ? Rfc5424().Match(line) : Match.Empty;
        if (!m.Success)
        {
            m = Bsd().Match(line);
        }

        if (!m.Success)
        {
            return false;
        }

        var msg = m.Groups["msg"].Value;
        foreach (var inner in Inner)
        {
            var probe = new LogRecord { Source = record.Source, LineNumber = record.LineNumber, Line = msg };
            if (inner.TryParse(msg, probe))
            {
                Copy(probe, record);
                break;
            }
        }

        if (record.Message.Length == 0)
        {
            var stamped = new LogRecord { Source = record.Source, LineNumber = record.LineNumber, Line = msg };
            if (new TextLineParser().TryParse(msg, stamped))
            {
                Copy(stamped, record);
            }
            else
            {
                TextLineParser.ParseAfterTimestamp(msg, 0, record);
            }
        }

        record.Timestamp ??= LegacyTimestampValue.Parse(m.Groups["ts"].ValueSpan);
        record.Component ??= m.Groups["app"].Value;
        if (m.Groups["pri"].Success && record.Severity == LogSeverity.Unknown)
        {
            record.Severity = Severities.FromNumber(int.Parse(m.Groups["pri"].ValueSpan, CultureInfo.InvariantCulture) % 8, syslog: true);
        }

        return true;
    }

    private static void Copy(LogRecord from, LogRecord to)
    {
        to.Message = from.Message;
        to.Severity = from.Severity;
        to.Timestamp ??= from.Timestamp;
        to.Component = from.Component;
        to.Duration = from.Duration;
        to.RequestId = from.RequestId;
        to.Method = from.Method;
        to.Path = from.Path;
        to.Route = from.Route;
        to.Status = from.Status;
    }
}
