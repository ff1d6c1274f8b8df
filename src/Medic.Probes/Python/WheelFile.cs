using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Medic.Probes.Python;

/// <summary>
/// What a wheel (<c>.whl</c>, a zip archive) says about itself, read without installing or importing it: its
/// <c>*.dist-info/WHEEL</c> tags, <c>METADATA</c> (Name, Version, Requires-Python, Requires-Dist) and
/// <c>entry_points.txt</c> groups.
/// </summary>
internal sealed partial record WheelFile(
    string Name,
    string Version,
    IReadOnlyList<string> Tags,
    string? RequiresPython,
    IReadOnlyList<WheelRequirement> Requires,
    IReadOnlyList<string> EntryPointGroups)
{
    /// <summary>Only the small metadata files are read; a wheel with a bigger one is not a wheel Medic should trust.</summary>
    private const long MaxMetadataBytes = 1 << 20;

    public static WheelFile Read(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var info = zip.Entries
            .Where(e => e.FullName.Count(c => c == '/') == 1 && e.FullName.Split('/')[0].EndsWith(".dist-info", StringComparison.Ordinal))
            .GroupBy(e => e.FullName.Split('/')[0])
            .FirstOrDefault() ?? throw new InvalidDataException("no *.dist-info folder in the archive");
        string? Text(string file)
        {
            var entry = info.FirstOrDefault(e => e.Name == file);
            if (entry is null)
            {
                return null;
            }

            if (entry.Length > MaxMetadataBytes)
            {
                throw new InvalidDataException($"{entry.FullName} is {entry.Length} bytes");
            }

            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        }

        var metadata = Headers(Text("METADATA") ?? throw new InvalidDataException($"no {info.Key}/METADATA"));
        var wheel = Headers(Text("WHEEL") ?? "");
        var tags = wheel.Where(h => h.Key == "Tag").Select(h => h.Value).ToList();
        if (tags.Count == 0)
        {
            tags = [.. TagsFromFileName(Path.GetFileName(path))];
        }

        return new WheelFile(
            metadata.FirstOrDefault(h => h.Key == "Name").Value ?? info.Key.Split('-')[0],
            metadata.FirstOrDefault(h => h.Key == "Version").Value ?? "",
            tags,
            metadata.FirstOrDefault(h => h.Key == "Requires-Python").Value,
            [.. metadata.Where(h => h.Key == "Requires-Dist").Select(h => WheelRequirement.Parse(h.Value)).OfType<WheelRequirement>()],
            [.. Groups(Text("entry_points.txt") ?? "")]);
    }

    /// <summary><c>name-1.0-cp311-cp311-manylinux_2_17_aarch64.whl</c> → its tags, dotted sets expanded.</summary>
    public static IEnumerable<string> TagsFromFileName(string fileName)
    {
        var parts = Path.GetFileNameWithoutExtension(fileName).Split('-');
        if (parts.Length < 5)
        {
            yield break;
        }

        foreach (var py in parts[^3].Split('.'))
        {
            foreach (var abi in parts[^2].Split('.'))
            {
                foreach (var platform in parts[^1].Split('.'))
                {
                    yield return $"{py}-{abi}-{platform}";
                }
            }
        }
    }

    /// <summary>RFC 822-style headers up to the first blank line (the body is the description).</summary>
    private static List<KeyValuePair<string, string>> Headers(string text)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && !char.IsWhiteSpace(line[0]))
            {
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        return headers;
    }

    private static IEnumerable<string> Groups(string ini) =>
        ini.Split('\n').Select(l => GroupHeader().Match(l.Trim())).Where(m => m.Success).Select(m => m.Groups[1].Value.Trim());

    [GeneratedRegex(@"^\[([^\]]+)\]$")]
    private static partial Regex GroupHeader();
}

/// <summary>One <c>Requires-Dist</c>: the project, its version specifier (may be empty) and its environment marker.</summary>
internal sealed partial record WheelRequirement(string Name, string Specifier, string? Marker)
{
    public static WheelRequirement? Parse(string text)
    {
        var match = Shape().Match(text);
        return match.Success
            ? new WheelRequirement(match.Groups["name"].Value, match.Groups["spec"].Value.Trim(), match.Groups["marker"].Success ? match.Groups["marker"].Value.Trim() : null)
            : null;
    }

    [GeneratedRegex(@"^\s*(?<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*\(?(?<spec>[^;()]*)\)?\s*(;\s*(?<marker>.*))?$")]
    private static partial Regex Shape();
}
