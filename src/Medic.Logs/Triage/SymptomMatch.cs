namespace Medic.Logs.Triage;

/// <summary>A template whose lines show a runbook's symptom.</summary>
public sealed record SymptomMatch(string RunbookId, string RunbookTitle, string Symptom, IReadOnlyList<RunbookCauseRef> Causes);
