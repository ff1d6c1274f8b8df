namespace Medic.Server.Alerts;

/// <summary>What a webhook announces about one finding: it <c>opened</c>, <c>resolved</c>, is <c>flapping</c>, or a <c>test</c>.</summary>
public sealed record AlertEvent(
    string Event,
    string System,
    string Component,
    string Runbook,
    string Cause,
    string Severity,
    string Title,
    string Fix,
    DateTimeOffset At,
    int Runs)
{
    public const string Opened = "opened";
    public const string Resolved = "resolved";
    public const string Flapping = "flapping";
    public const string Test = "test";
}
