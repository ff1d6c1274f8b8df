using Medic.Core.Conditions;
using Medic.Core.Model;

namespace Medic.Core.Runbooks;

/// <summary>
/// A possible cause: it holds when <see cref="When"/> is true over the checks' observations. A <see cref="Manual"/> cause
/// cannot be told from probe evidence: it is knowledge only (title, explanation, fix) and never becomes a finding.
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
    bool Manual = false);
