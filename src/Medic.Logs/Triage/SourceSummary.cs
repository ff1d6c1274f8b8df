namespace Medic.Logs.Triage;

/// <summary>One input file: the format read and how many lines it had.</summary>
public sealed record SourceSummary(string Path, string Format, long Lines, bool Baseline);
