namespace Medic.Logs.Triage;

/// <summary>
/// Counts over the records in the window: all of them, errors (error and worse), warnings, and <see cref="Matches"/> —
/// records matching the pattern at or above the level — with the top templates of errors and of matches.
/// </summary>
public sealed record ScanResult(
    IReadOnlyList<ScannedFile> Files,
    DateTimeOffset? Since,
    long Records,
    long Errors,
    long Warnings,
    long Matches,
    IReadOnlyDictionary<string, long> Levels,
    DateTimeOffset? LastError,
    DateTimeOffset? LastMatch,
    string? LastMatchLine,
    IReadOnlyList<TemplateSummary> TopErrors,
    IReadOnlyList<TemplateSummary> TopMatches);
