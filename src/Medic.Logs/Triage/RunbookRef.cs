namespace Medic.Logs.Triage;

/// <summary>The runbook a symptom belongs to, and its causes with their fixes, for linking log templates to them.</summary>
public sealed record RunbookRef(string Id, string Title, IReadOnlyList<RunbookCauseRef> Causes);
