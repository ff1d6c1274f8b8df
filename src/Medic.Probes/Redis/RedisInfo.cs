using System.Text.Json.Nodes;

namespace Medic.Probes.Redis;

/// <summary>Parses the text INFO returns (<c># Memory</c> headers, <c>key:value</c> lines) into one object per section.</summary>
internal static class RedisInfo
{
    public static JsonObject Parse(string text)
    {
        var sections = new JsonObject();
        JsonObject? current = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == '#')
            {
                current = Section(sections, SectionName(line[1..]));
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            current ??= Section(sections, "other");
            var key = line[..colon];
            current[key] = RedisValues.Info(key, line[(colon + 1)..]);
        }

        return sections;
    }

    private static JsonObject Section(JsonObject sections, string name)
    {
        if (sections[name] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        sections[name] = created;
        return created;
    }

    private static string SectionName(string header) =>
        string.Join('_', header.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
