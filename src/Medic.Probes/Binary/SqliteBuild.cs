namespace Medic.Probes.Binary;

/// <summary>
/// The SQLite build found in a file: its version text (<c>3.40.1</c>), that version as a number (3040001, the
/// <c>version()</c> function's scale), the source id (<c>2022-12-28 14:03:47 df5c…</c>) and the file it was read from.
/// </summary>
public sealed record SqliteBuild(string? Version, long? VersionNumber, string SourceId, string SourceDate, string File);
