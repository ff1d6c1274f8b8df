namespace Medic.Logs.Triage;

/// <summary>Records from <see cref="Start"/> for <see cref="Minutes"/> minutes.</summary>
public sealed record TimeBucket(DateTimeOffset Start, int Minutes, long Total, long Errors, long Warnings);
