using Medic.Core.Conditions;
using Medic.Core.Model;

namespace Medic.Core.Runbooks;

/// <summary>A possible cause: it holds when <see cref="When"/> is true over the checks' observations.</summary>
public sealed record Cause(
    string Id,
    Template Title,
    Expression When,
    Severity Severity,
    double Confidence,
    Template Explanation,
    Template Fix,
    IReadOnlyList<string> Refs,
    SourcePosition Position);
