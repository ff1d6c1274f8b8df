namespace Medic.Core.Model;

/// <summary>A cause that holds, with the evidence, explanation and fix.</summary>
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
    IReadOnlyList<string> Refs);
