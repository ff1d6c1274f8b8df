namespace Medic.Logs.Formats;

/// <summary>What a structured field holds, judged by its name.</summary>
public enum FieldKind
{
    Other,
    Time,
    Level,
    Message,
    Template,
    Component,
    Duration,
    RequestId,
    Method,
    Path,
    Status,
    Error,
}
