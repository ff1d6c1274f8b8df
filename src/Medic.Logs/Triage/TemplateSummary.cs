using Medic.Logs.Formats;

namespace Medic.Logs.Triage;

/// <summary>One template in the report; <see cref="Variables"/> is the spread of values per <c>&lt;*&gt;</c>, in token order.</summary>
public sealed record TemplateSummary(
    int Id,
    string Template,
    long Count,
    LogSeverity Worst,
    IReadOnlyDictionary<string, long> Levels,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    string FirstAt,
    string LastAt,
    string Example,
    long BaselineCount,
    IReadOnlyList<SymptomMatch> Runbooks,
    IReadOnlyList<VariableSummary> Variables);
