using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

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
    public void AddText(string path, string content)
    {
        var bytes = Encoding.UTF8.GetBytes(Redactor.Redact(content));
        var room = Math.Min(limits.MaxFileBytes, limits.MaxTotalBytes - total);
        if (room <= 0)
        {
            failures.Add(new ManifestFailure(path, "total size cap reached"));
            return;
        }
        var truncated = bytes.Length > room;
        var stored = truncated ? bytes.AsSpan(0, (int)room).ToArray() : bytes;
        var entry = new PaxTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(stored) };
        tar.WriteEntry(entry);
        total += stored.Length;
        entries.Add(new ManifestEntry(path, stored.Length, Convert.ToHexStringLower(SHA256.HashData(stored)), truncated));
    }

    public void AddFailure(string path, string reason) => failures.Add(new ManifestFailure(path, reason));

    /// <summary>Writes manifest.json and closes the archive.</summary>
    public void Complete(DateTimeOffset created)
    {
        var manifest = new Manifest(created, entries, failures, new SortedDictionary<string, int>(Redactor.Counts.ToDictionary(), StringComparer.Ordinal));
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
