using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Medic.Core.Engine;
using Medic.Core.Model;
using Medic.Core.Systems;

namespace Medic.Bundles;

/// <summary>
/// A bundle opened for offline diagnosis: read into memory (never onto disk), every entry checked against the
/// manifest's size and SHA-256, and the system and observations parsed. Anything hostile or damaged throws
/// <see cref="BundleException"/> with the reason.
/// </summary>
public sealed record OfflineBundle(string Path, Manifest Manifest, IReadOnlyDictionary<string, string> Files, SystemDefinition System, IReadOnlyList<Observation> Observations, DateTimeOffset Collected)
{
    public static OfflineBundle Open(string path, BundleLimits limits)
    {
        var (manifest, files) = ReadVerified(path, limits);
        var system = Parse(files, BundleFiles.System, SystemJson.FromJson);
        var (observations, collected) = Parse(files, BundleFiles.Observations, ReadObservations);
        return new OfflineBundle(path, manifest, files, system, observations, collected);
    }

    /// <summary>Reads and verifies the archive without parsing the system or observations (for <c>bundle inspect</c>).</summary>
    public static (Manifest Manifest, IReadOnlyDictionary<string, string> Files) ReadVerified(string path, BundleLimits limits)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BundleException($"{path}: cannot read the bundle: {e.Message}", e);
        }

        using (stream)
        {
            var (manifest, files) = BundleReader.Read(stream, limits);
            Verify(manifest, files);
            return (manifest, files);
        }
    }

    private static void Verify(Manifest manifest, IReadOnlyDictionary<string, string> files)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal) { Manifest.FileName };
        foreach (var entry in manifest.Entries ?? [])
        {
            listed.Add(entry.Path);
            if (!files.TryGetValue(entry.Path, out var text))
            {
                throw new BundleException($"manifest lists '{entry.Path}' but the archive does not hold it");
            }

            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            if (!string.Equals(hash, entry.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new BundleException($"'{entry.Path}' does not match its SHA-256 in the manifest (damaged or altered)");
            }
        }

        if (files.Keys.FirstOrDefault(k => !listed.Contains(k)) is { } extra)
        {
            throw new BundleException($"entry '{extra}' is not listed in the manifest");
        }
    }

    private static T Parse<T>(IReadOnlyDictionary<string, string> files, string name, Func<JsonNode?, T> read)
    {
        if (!files.TryGetValue(name, out var text))
        {
            throw new BundleException($"the bundle has no {name}: it cannot be diagnosed offline");
        }

        try
        {
            return read(JsonNode.Parse(text));
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new BundleException($"{name} is not valid: {e.Message}", e);
        }
    }

    private static (IReadOnlyList<Observation>, DateTimeOffset) ReadObservations(JsonNode? node)
    {
        if (node is not JsonObject o || o["observations"] is not JsonArray list)
        {
            throw new FormatException("expected an object with 'observations'");
        }

        if (o["schema"]?.GetValue<string>() is { } schema && schema != BundleFiles.ObservationsSchema)
        {
            throw new FormatException($"schema '{schema}' is not {BundleFiles.ObservationsSchema}");
        }

        var observations = new List<Observation>();
        foreach (var (item, i) in list.Select((x, i) => (x, i)))
        {
            observations.Add(ObservationJson.FromJson(item) ?? throw new FormatException($"observation #{i + 1} lacks probe, component, args or status"));
        }

        var collected = o["started"]?.GetValue<string>() is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var t) ? t : DateTimeOffset.MinValue;
        return (observations, collected);
    }
}
