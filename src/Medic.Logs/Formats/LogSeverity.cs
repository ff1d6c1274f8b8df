namespace Medic.Logs.Formats;

/// <summary>A record's level, normalised across logging libraries (syslog numbers, Serilog names, Python names, …).</summary>
public enum LogSeverity
{
    Unknown = 0,
    Trace,
    Debug,
    Info,
    Notice,
    Warning,
    Error,
    Fatal,
}
