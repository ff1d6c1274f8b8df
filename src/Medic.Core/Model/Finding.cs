namespace Medic.Core.Model;

/// <summary>
/// A cause that holds, with the evidence, explanation and fix. <see cref="Related"/> holds the findings it folded:
/// generic findings for the same evidence that its cause declares it supersedes (see <c>Runbooks.Cause.Supersedes</c>).
/// </summary>
public sealed record Finding(
    string Runbook,
    string Cause,
    Severity Severity,
    double Confidence,
    string Component,
    string Title,
    string Explanation,
    IReadOnlyList<Evidence> Evidence,
    string Fix,
    IReadOnlyList<string> Refs)
{
    public IReadOnlyList<Finding> Related { get; init; } = [];
}
