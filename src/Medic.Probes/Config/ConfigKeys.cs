using System.Globalization;

namespace Medic.Probes.Config;

/// <summary>Finds keys in a configuration's shape by dotted path (<c>server.port</c>, <c>servers.0.host</c>), accepting literal keys that contain dots.</summary>
internal static class ConfigKeys
{
    /// <summary>The node at <paramref name="key"/>, or null when the key is absent.</summary>
    public static ConfigNode? Find(ConfigNode root, string key) =>
        key.Length == 0 ? null : Find(root, key.Split('.'), 0);

    private static ConfigNode? Find(ConfigNode node, string[] segments, int from)
    {
        if (from == segments.Length)
        {
            return node;
        }

        if (node.Children is { } children)
        {
            // Longest literal key first, so {"a.b": 1} and {"a": {"b": 1}} both answer "a.b".
            for (var to = segments.Length; to > from; to--)
            {
                if (children.TryGetValue(string.Join('.', segments[from..to]), out var child) && Find(child, segments, to) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        if (node.Items is { } items && int.TryParse(segments[from], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < items.Count)
        {
            return Find(items[index], segments, from + 1);
        }

        return null;
    }
}
