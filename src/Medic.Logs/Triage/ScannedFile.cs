namespace Medic.Logs.Triage;

/// <summary>One file the scan looked at: its format, how much was read, and why it was not (when it was not).</summary>
public sealed record ScannedFile(string Path, string? Format, long SizeBytes, long ReadBytes, bool TailOnly, long Lines, string? Error);
