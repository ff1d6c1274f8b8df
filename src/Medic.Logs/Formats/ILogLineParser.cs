namespace Medic.Logs.Formats;

/// <summary>One log format: fills a record from a line, or says the line is not in this format.</summary>
public interface ILogLineParser
{
    /// <summary>A short name shown in reports (json, logfmt, syslog, access, text, line-format, plain).</summary>
    string Name { get; }

    bool TryParse(string line, LogRecord record);
}
