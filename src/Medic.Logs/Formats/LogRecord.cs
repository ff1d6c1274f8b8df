namespace Medic.Logs.Formats;

/// <summary>One log record read from a line: where it came from, and the fields recognised in it.</summary>
public sealed class LogRecord
{
    public required string Source { get; init; }

    public required long LineNumber { get; init; }

    public required string Line { get; init; }

    /// <summary>The message without timestamp, level and other framing; what templates are mined from.</summary>
    public string Message { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public LogSeverity Severity { get; set; }

    public string? Component { get; set; }

    public TimeSpan? Duration { get; set; }

    public string? RequestId { get; set; }

    public string? Method { get; set; }

    public string? Path { get; set; }

    public int? Status { get; set; }

    /// <summary>A line that continues the record before it (a stack trace, a traceback), taking its timestamp and level.</summary>
    public bool IsContinuation { get; set; }

    public bool IsErrorOrWorse => Severity >= LogSeverity.Error;

    /// <summary>No field set yet: a parser that said no without writing anything leaves the record reusable.</summary>
    internal bool IsBlank =>
        Message.Length == 0 && Timestamp is null && Severity == LogSeverity.Unknown && Component is null && Duration is null
        && RequestId is null && Method is null && Path is null && Status is null && !IsContinuation;
}
