namespace Medic.Logs.Triage;

/// <summary>Durations found in the logs: overall percentiles, the slowest routes by p95, the slowest requests.</summary>
public sealed record SlowSummary(RouteLatency Overall, IReadOnlyList<RouteLatency> Routes, IReadOnlyList<SlowRequest> Slowest);
