using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Medic.Bundles;

/// <summary>
/// Streams redacted entries into tar+gzip and records each one (size, SHA-256, truncation, failures)
/// for manifest.json, which is written last together with the per-rule redaction counts.
/// </summary>
public sealed class BundleWriter : IDisposable
{
    private readonly GZipStream gzip;
    private readonly TarWriter tar;
    private readonly BundleLimits limits;
    private readonly List<ManifestEntry> entries = [];
    private readonly List<ManifestFailure> failures = [];
    private long total;

    public BundleWriter(Stream output, Redactor redactor, BundleLimits limits)
    {
        gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true);
        tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true);
        Redactor = redactor;
        this.limits = limits;
    }

    public Redactor Redactor { get; }

    /// <summary>Redacts and stores a text entry; content over the per-file or total cap is cut and marked truncated.</summary>
    public void AddText(string path, string content, string? source = null, double durationMs = 0) =>
        Store(path, Encoding.UTF8.GetBytes(Redactor.Redact(content)), source, durationMs);

    /// <summary>Redacts a JSON document value by value (see <see cref="Redactor.RedactJson"/>) and stores it indented.</summary>
    public void AddJson(string path, JsonNode? document, string? source = null, double durationMs = 0) =>
        Store(path, JsonSerializer.SerializeToUtf8Bytes(Redactor.RedactJson(document), JsonOptions), source, durationMs);

    /// <summary>Stores a JSON document that already went through this writer's <see cref="Redactor.RedactJson"/>.</summary>
    public void AddRedactedJson(string path, JsonNode? redacted, string? source = null, double durationMs = 0) =>
        Store(path, JsonSerializer.SerializeToUtf8Bytes(redacted, JsonOptions), source, durationMs);

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Entries stored so far.</summary>
    public IReadOnlyList<ManifestEntry> Entries => entries;

    public IReadOnlyList<ManifestFailure> Failures => failures;

    private void Store(string path, byte[] bytes, string? source, double durationMs)
    {
        var room = Math.Min(limits.MaxFileBytes, limits.MaxTotalBytes - total);
        if (room <= 0)
        {
            failures.Add(new ManifestFailure(path, "total size cap reached"));
            return;
        }
        var truncated = bytes.Length > room;
        var length = (int)Math.Min(bytes.Length, room);
        while (truncated && length > 0 && (bytes[length] & 0xC0) == 0x80)
        {
            length--; // never cut a UTF-8 sequence in half, so the stored text reads back byte for byte
        }

        var stored = truncated ? bytes.AsSpan(0, length).ToArray() : bytes;
        var entry = new PaxTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(stored) };
        tar.WriteEntry(entry);
        total += stored.Length;
        entries.Add(new ManifestEntry(path, stored.Length, Convert.ToHexStringLower(SHA256.HashData(stored)), truncated) { Source = source is null ? null : Redactor.Redact(source), DurationMs = Math.Round(durationMs, 1) });
    }

    public void AddFailure(string path, string reason) => failures.Add(new ManifestFailure(path, Redactor.Redact(reason)));

    /// <summary>Writes manifest.json and closes the archive.</summary>
    public void Complete(DateTimeOffset created) => Complete(new Manifest(created, [], [], new Dictionary<string, int>()));

    /// <summary>Writes manifest.json from <paramref name="header"/> (system, durations…) plus the entries, failures and counts, and closes the archive.</summary>
    public void Complete(Manifest header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var manifest = header with
        {
            Entries = entries,
            Failures = failures,
            Redactions = new SortedDictionary<string, int>(Redactor.Counts.ToDictionary(), StringComparer.Ordinal),
            RedactedValues = new SortedDictionary<string, int>(Redactor.DistinctCounts.ToDictionary(), StringComparer.Ordinal),
            HostsMapped = Redactor.Hosts?.Count ?? 0,
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJson.Options);
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, Manifest.FileName) { DataStream = new MemoryStream(json) });
        Dispose();
    }

    public void Dispose()
    {
        tar.Dispose();
        gzip.Dispose();
    }
}
