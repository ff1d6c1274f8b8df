using System.Text.Json.Nodes;
using Medic.Probes.Os;

namespace Medic.Probes.Config;

public sealed partial class ConfigCompareProbe
{
    /// <summary>One entry per value that two or more files give a key that must be unique.</summary>
    private static IEnumerable<JsonNode> Duplicates(string key, List<ParsedFile> files)
    {
        var secret = SecretText.LooksSecret(key);
        foreach (var group in Groups(key, files).Where(g => g.Files.Count > 1))
        {
            yield return new JsonObject
            {
                ["key"] = key,
                ["value"] = secret ? null : group.Node.Shown(),
                ["secret"] = secret,
                ["files"] = Paths(group.Files),
            };
        }
    }

    /// <summary>One entry per key that must agree but has more than one value, listing each value with its files.</summary>
    private static IEnumerable<JsonNode> Differences(string key, List<ParsedFile> files)
    {
        var groups = Groups(key, files);
        if (groups.Count < 2)
        {
            yield break;
        }

        var secret = SecretText.LooksSecret(key);
        yield return new JsonObject
        {
            ["key"] = key,
            ["secret"] = secret,
            ["files"] = Paths(groups.SelectMany(g => g.Files)),
            ["values"] = new JsonArray([.. groups.Select(g => (JsonNode)new JsonObject
            {
                ["value"] = secret ? null : g.Node.Shown(),
                ["files"] = Paths(g.Files),
            })]),
        };
    }

    private static IEnumerable<JsonNode> Missing(string key, List<ParsedFile> files)
    {
        var without = files.Where(f => Value(f, key) is null).ToList();
        if (without.Count > 0)
        {
            yield return new JsonObject { ["key"] = key, ["files"] = Paths(without) };
        }
    }

    /// <summary>The files that give <paramref name="key"/> a value, grouped by equal values, in file order.</summary>
    private static List<(ConfigNode Node, List<ParsedFile> Files)> Groups(string key, List<ParsedFile> files)
    {
        var groups = new List<(ConfigNode Node, List<ParsedFile> Files)>();
        var byValue = new Dictionary<string, List<ParsedFile>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (Value(file, key) is not { } node)
            {
                continue;
            }

            var canonical = node.Canonical();
            if (!byValue.TryGetValue(canonical, out var members))
            {
                byValue[canonical] = members = [];
                groups.Add((node, members));
            }

            members.Add(file);
        }

        return groups;
    }

    private static ConfigNode? Value(ParsedFile file, string key) =>
        ConfigKeys.Find(file.Root!, key) is { Type: not ConfigType.Null } node ? node : null;

    private static JsonArray Paths(IEnumerable<ParsedFile> files) => new([.. files.Select(f => (JsonNode)f.Path)]);
}
