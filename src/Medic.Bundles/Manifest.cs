using System.Text.Json;

namespace Medic.Bundles;

/// <summary>One stored file: where it came from, its size and SHA-256 as stored (after redaction), whether it was cut, and how long it took.</summary>
public sealed record ManifestEntry(string Path, long Size, string Sha256, bool Truncated)
{
    public string? Source { get; init; }

    public double DurationMs { get; init; }
}

/// <summary>Something that could not be collected, and why.</summary>
public sealed record ManifestFailure(string Path, string Reason);

/// <summary>What a bundle holds: every entry with its size and hash, what could not be collected, redaction counts per rule (never values).</summary>
public sealed record Manifest(DateTimeOffset Created, IReadOnlyList<ManifestEntry> Entries, IReadOnlyList<ManifestFailure> Failures, IReadOnlyDictionary<string, int> Redactions)
{
    public const string FileName = "manifest.json";
    public const string SchemaId = "medic.bundle/v1";

    public string Schema { get; init; } = SchemaId;

    public string System { get; init; } = "";

    public string MedicVersion { get; init; } = "";

    /// <summary>Time to make the whole bundle.</summary>
    public double DurationMs { get; init; }

    /// <summary>Probe runs recorded in observations.json.</summary>
    public int Probes { get; init; }

    /// <summary>Distinct values redacted, per rule (<see cref="Manifest.Redactions"/> counts occurrences).</summary>
    public IReadOnlyDictionary<string, int> RedactedValues { get; init; } = new Dictionary<string, int>();

    /// <summary>Distinct host names and addresses mapped by <c>--redact-hosts</c> (the map itself stays outside).</summary>
    public int HostsMapped { get; init; }
}

internal static class ManifestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
