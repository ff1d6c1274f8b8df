namespace Medic.Logs.Triage;

/// <summary>One request (or timed operation) with its duration and where it was logged.</summary>
public sealed record SlowRequest(
    string Source,
    long Line,
    DateTimeOffset? Timestamp,
    double DurationMs,
    string? Method,
    string? Path,
    int? Status,
    string? RequestId,
    string Message);
