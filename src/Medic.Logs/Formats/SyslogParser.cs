using System.Globalization;
using System.Text.RegularExpressions;

namespace Medic.Logs.Formats;

/// <summary>
/// Syslog and journal text: RFC 5424, RFC 3164 (<c>&lt;34&gt;Oct 11 22:14:15 host su[123]: msg</c>), journalctl's
/// <c>short</c> and <c>short-iso</c> output. The program's own message is then read as JSON, logfmt or text when it is one,
/// so a Go service's <c>level=error msg=…</c> under journald keeps its level and fields.
/// </summary>
public sealed partial class SyslogParser : ILogLineParser
{
    private static readonly ILogLineParser[] Inner = [new JsonLineParser(), new LogfmtParser()];

    public string Name => "syslog";

    [GeneratedRegex("""^<(?<pri>\d{1,3})>1 (?<ts>\S+) (?<host>\S+) (?<app>\S+) (?<procid>\S+) (?<msgid>\S+) (?<sd>-|(?:\[(?:[^\]\\]|\\.)*\])+) ?(?<msg>.*)$""", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc5424();

    [GeneratedRegex("""^(?:<(?<pri>\d{1,3})>)?(?<ts>[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}(?:\.\d+)?|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})) (?<host>\S+) (?<app>[^\s:\[]+)(?:\[(?<pid>\d+)\])?: ?(?<msg>.*)$""", RegexOptions.CultureInvariant)]
    private static partial Regex Bsd();

    private static readonly TextLineParser Stamped = new();

    // groups by number, per expression: a lookup by name hashes the name on every line
    private static readonly Groups Rfc5424Groups = new(Rfc5424());
    private static readonly Groups BsdGroups = new(Bsd());

    public bool TryParse(string line, LogRecord record)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(record);
        var groups = Rfc5424Groups;
        var m = line.StartsWith('<') ? Rfc5424().Match(line) : Match.Empty;
        if (!m.Success)
        {
            groups = BsdGroups;
            m = Bsd().Match(line);
        }

        if (!m.Success)
        {
            return false;
        }

        var msg = m.Groups[groups.Msg].Value;
        LogRecord? probe = null;
        foreach (var inner in Inner)
        {
            // a parser that said no may have written to the probe: then the next one gets a new one
            probe = probe is { IsBlank: true } ? probe : new LogRecord { Source = record.Source, LineNumber = record.LineNumber, Line = msg };
            if (inner.TryParse(msg, probe))
            {
                Copy(probe, record);
                break;
            }
        }

        if (!record.HasMessage)
        {
            var stamped = probe is { IsBlank: true } ? probe : new LogRecord { Source = record.Source, LineNumber = record.LineNumber, Line = msg };
            if (Stamped.TryParse(msg, stamped))
            {
                Copy(stamped, record);
            }
            else
            {
                TextLineParser.ParseAfterTimestamp(msg, 0, record);
            }
        }

        record.Timestamp ??= TimestampValue.Parse(m.Groups[groups.Ts].ValueSpan);
        if (!record.HasComponent)
        {
            record.Component = m.Groups[groups.App].Value;
        }

        if (groups.Pri >= 0 && m.Groups[groups.Pri].Success && record.Severity == LogSeverity.Unknown)
        {
            record.Severity = Severities.FromNumber(int.Parse(m.Groups[groups.Pri].ValueSpan, CultureInfo.InvariantCulture) % 8, syslog: true);
        }

        return true;
    }

    private sealed class Groups(Regex regex)
    {
        public int Msg { get; } = regex.GroupNumberFromName("msg");

        public int Ts { get; } = regex.GroupNumberFromName("ts");

        public int App { get; } = regex.GroupNumberFromName("app");

        public int Pri { get; } = regex.GroupNumberFromName("pri");
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
