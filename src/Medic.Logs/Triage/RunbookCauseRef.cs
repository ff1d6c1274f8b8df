namespace Medic.Logs.Triage;

public sealed record RunbookCauseRef(string Id, string Title, string Fix);
