namespace Medic.Server.Store;

/// <summary>One probe invocation of a recorded run, without its data: what latency charts and metrics need.</summary>
public sealed record StoredObservation(
    long RunId,
    string System,
    string Component,
    string Probe,
    DateTimeOffset Started,
    double DurationMs,
    string Status,
    string? ErrorKind);
