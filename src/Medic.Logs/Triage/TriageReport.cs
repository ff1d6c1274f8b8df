namespace Medic.Logs.Triage;

/// <summary>What <c>medic logs</c> found: counts, ranked templates, the timeline, durations and what changed since a baseline.</summary>
public sealed record TriageReport(
    IReadOnlyList<SourceSummary> Sources,
    long Lines,
    long Records,
    IReadOnlyDictionary<string, long> Levels,
    DateTimeOffset? First,
    DateTimeOffset? Last,
    int TemplateCount,
    IReadOnlyList<TemplateSummary> Templates,
    IReadOnlyList<TimeBucket> Timeline,
    SlowSummary? Slow,
    IReadOnlyList<BaselineChange>? Baseline)
{
    public long Errors => Levels.GetValueOrDefault("error") + Levels.GetValueOrDefault("fatal");

    public long Warnings => Levels.GetValueOrDefault("warning");
}
