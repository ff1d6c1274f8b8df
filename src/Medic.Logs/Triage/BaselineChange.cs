namespace Medic.Logs.Triage;

/// <summary>
/// A template that is new since the baseline, or whose share of the lines grew: <see cref="Growth"/> is its share now
/// over its share then (a template absent from the baseline counts as half a line there).
/// </summary>
public sealed record BaselineChange(int Id, string Template, long Count, long BaselineCount, bool IsNew, double Growth, string Example);
