using System.Text.Json;

namespace Medic.Bundles;

public sealed record ManifestEntry(string Path, long Size, string Sha256, bool Truncated);

public sealed record ManifestFailure(string Path, string Reason);

/// <summary>What a bundle holds: every entry with its size and hash, what could not be collected, redaction counts.</summary>
public sealed record Manifest(DateTimeOffset Created, IReadOnlyList<ManifestEntry> Entries, IReadOnlyList<ManifestFailure> Failures, IReadOnlyDictionary<string, int> Redactions)
{
    public const string FileName = "manifest.json";
}

internal static class ManifestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
