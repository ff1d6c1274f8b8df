using Medic.Core.Conditions;
using Medic.Core.Model;

namespace Medic.Core.Runbooks;

/// <summary>
/// A possible cause: it holds when <see cref="When"/> is true over the checks' observations. A <see cref="Manual"/> cause
/// cannot be told from probe evidence: it is knowledge only (title, explanation, fix) and never becomes a finding.
/// <see cref="Supersedes"/> names the more generic causes (<c>runbook-id</c> or <c>runbook-id/cause-id</c>) this one
/// refines: when both hold, the generic finding is folded under this one (<see cref="Model.Finding.Related"/>).
/// </summary>
public sealed record Cause(
    string Id,
    Template Title,
    Expression When,
    Severity Severity,
    double Confidence,
    Template Explanation,
    Template Fix,
    IReadOnlyList<string> Refs,
    SourcePosition Position,
    bool Manual = false)
{
    public IReadOnlyList<string> Supersedes { get; init; } = [];
}
