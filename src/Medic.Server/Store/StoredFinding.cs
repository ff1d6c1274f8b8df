namespace Medic.Server.Store;

/// <summary>One finding's lifecycle: opened at <see cref="FirstSeen"/>, still present until <see cref="LastSeen"/>, resolved at <see cref="ResolvedAt"/>.</summary>
public sealed record StoredFinding(
    long Id,
    string System,
    string Component,
    string Runbook,
    string Cause,
    string Severity,
    string Title,
    string Status,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    DateTimeOffset? ResolvedAt,
    int RunCount)
{
    public const string Open = "open";
    public const string Resolved = "resolved";
}
