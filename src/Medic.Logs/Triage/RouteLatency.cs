namespace Medic.Logs.Triage;

/// <summary>Percentiles of one route (<c>GET /api/v1/users/:id</c>) or, for timed operations without a path, one message template.</summary>
public sealed record RouteLatency(string Route, long Count, double P50Ms, double P95Ms, double P99Ms, double MaxMs, double MeanMs);
