using Medic.Logs.Formats;

namespace Medic.Logs.Tests.Triage;

internal static class Records
{
    private static readonly DateTimeOffset Start = new(2024, 1, 15, 10, 0, 0, TimeSpan.Zero);

    public static LogRecord Make(
        string message, LogSeverity level = LogSeverity.Info, int minute = 0, string source = "app.log", long line = 1,
        double? ms = null, string? path = null, string? requestId = null, bool continuation = false) => new()
    {
        Source = source,
        LineNumber = line,
        Line = $"{minute} {level} {message}",
        Message = message,
        Severity = level,
        Timestamp = Start.AddMinutes(minute),
        Duration = ms is null ? null : TimeSpan.FromMilliseconds(ms.Value),
        Method = path is null ? null : "GET",
        Path = path,
        RequestId = requestId,
        IsContinuation = continuation,
    };

    public static DateTimeOffset At(int minute) => Start.AddMinutes(minute);
}
