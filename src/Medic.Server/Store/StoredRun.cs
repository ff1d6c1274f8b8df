namespace Medic.Server.Store;

/// <summary>One completed diagnosis run as kept in the history.</summary>
public sealed record StoredRun(long Id, string System, DateTimeOffset Started, double DurationMs, int FindingCount);
