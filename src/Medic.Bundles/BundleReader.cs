using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Medic.Bundles;

/// <summary>
/// Reads a bundle into memory, never onto disk, refusing anything hostile or damaged: paths that climb out
/// or are absolute, links and other non-file entries, sizes over the caps, truncated or corrupt streams.
/// </summary>
public static class BundleReader
{
    public static (Manifest Manifest, IReadOnlyDictionary<string, string> Files) Read(Stream input, BundleLimits limits)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(limits);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        long total = 0;
        try
        {
            using var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { } entry)
            {
                Check(entry, limits, files.Count);
                total += entry.Length;
                if (total > limits.MaxTotalBytes)
                {
                    throw new BundleException($"bundle is larger than the {limits.MaxTotalBytes}-byte cap");
                }
                using var reader = new StreamReader(entry.DataStream ?? Stream.Null, Encoding.UTF8);
                var text = reader.ReadToEnd();
                if (!files.TryAdd(entry.Name, text))
                {
                    throw new BundleException($"entry '{entry.Name}' appears twice");
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or IOException)
        {
            throw new BundleException($"bundle is damaged or truncated: {e.Message}", e);
        }
        if (!files.TryGetValue(Manifest.FileName, out var json))
        {
            throw new BundleException("bundle has no manifest.json");
        }
        Manifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<Manifest>(json, ManifestJson.Options);
        }
        catch (JsonException e)
        {
            throw new BundleException($"manifest.json is not valid: {e.Message}", e);
        }
        return (manifest ?? throw new BundleException("manifest.json is empty"), files);
    }

    private static void Check(TarEntry entry, BundleLimits limits, int count)
    {
        if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
        {
            throw new BundleException($"entry '{entry.Name}' is a {entry.EntryType}, only regular files are allowed");
        }
        var name = entry.Name.Replace('\\', '/');
        if (name.Length == 0 || name.StartsWith('/') || Path.IsPathRooted(name) || name.Contains(':', StringComparison.Ordinal)
            || name.Split('/').Any(part => part is ".." or "."))
        {
            throw new BundleException($"entry '{entry.Name}' points outside the bundle");
        }
        if (entry.Length > limits.MaxFileBytes)
        {
            throw new BundleException($"entry '{entry.Name}' claims {entry.Length} bytes, over the {limits.MaxFileBytes}-byte cap");
        }
        if (count >= limits.MaxEntries)
        {
            throw new BundleException($"bundle has more than {limits.MaxEntries} entries");
        }
    }
}
