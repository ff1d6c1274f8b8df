using Medic.Logs.Formats;

namespace Medic.Logs.Triage;

/// <summary>A line that carries the traced request ID.</summary>
public sealed record TraceHit(string Source, long Line, DateTimeOffset? Timestamp, LogSeverity Severity, string Text);
