namespace Medic.Core.Model;

/// <summary>The result of one diagnosis (schema <c>medic.report/v1</c>).</summary>
public sealed record Report(
    string System,
    DateTimeOffset Started,
    double DurationMs,
    ReportSummary Summary,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<Observation> Observations)
{
    public const string SchemaId = "medic.report/v1";

    public string Schema => SchemaId;

    /// <summary>The process exit code this report implies: 1 when any finding is at warning or above, else 0.</summary>
    public int ExitCode => Findings.Any(f => f.Severity >= Severity.Warning) ? 1 : 0;
}
