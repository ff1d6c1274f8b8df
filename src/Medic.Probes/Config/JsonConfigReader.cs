using System.Text;
using System.Text.Json;

namespace Medic.Probes.Config;

/// <summary>Parses a JSON configuration file (strict RFC 8259, as most services' parsers are) into its shape.</summary>
internal static class JsonConfigReader
{
    private const int MaxDepth = 128;

    public static ConfigParseResult Read(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = MaxDepth });
            return ConfigParseResult.Parsed(Shape(document.RootElement));
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? (int)l + 1 : (int?)null;
            var column = e.LineNumber is { } ln && e.BytePositionInLine is { } b ? CharColumn(text, (int)ln, (int)b) : (int?)null;
            return ConfigParseResult.Failed(line, column, Clean(e.Message));
        }
    }

    private static ConfigNode Shape(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => ConfigNode.Map(Children(e)),
        JsonValueKind.Array => ConfigNode.List([.. e.EnumerateArray().Select(Shape)]),
        JsonValueKind.String => ConfigNode.String(e.GetString() ?? ""),
        JsonValueKind.Number when IsWhole(e.GetRawText()) && e.TryGetInt64(out var n) => ConfigNode.Int(n),
        JsonValueKind.Number when IsWhole(e.GetRawText()) => new ConfigNode(ConfigType.Int) { Scalar = e.GetRawText() },
        JsonValueKind.Number => ConfigNode.Number(e.GetDouble()),
        JsonValueKind.True => ConfigNode.Bool(true),
        JsonValueKind.False => ConfigNode.Bool(false),
        _ => ConfigNode.Null,
    };

    private static OrderedDictionary<string, ConfigNode> Children(JsonElement e)
    {
        var children = new OrderedDictionary<string, ConfigNode>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
        {
            children[p.Name] = Shape(p.Value); // a duplicate key: the last wins, as most parsers do
        }

        return children;
    }

    private static bool IsWhole(string raw) => raw.AsSpan().IndexOfAny('.', 'e', 'E') < 0;

    /// <summary>The 1-based character column of a 0-based byte offset in a 0-based line.</summary>
    private static int CharColumn(string text, int line, int bytes)
    {
        var lines = text.Split('\n');
        if (line >= lines.Length)
        {
            return bytes + 1;
        }

        var utf8 = Encoding.UTF8.GetBytes(lines[line]);
        return Encoding.UTF8.GetCharCount(utf8, 0, Math.Min(bytes, utf8.Length)) + 1;
    }

    /// <summary>The message without the position System.Text.Json appends (the data carries it already).</summary>
    private static string Clean(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).Trim();
    }
}
