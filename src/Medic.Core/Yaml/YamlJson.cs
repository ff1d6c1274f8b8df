using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Medic.Core.Yaml;

/// <summary>Converts YAML nodes to JSON, typing plain scalars (numbers, booleans, null) the YAML 1.2 core way.</summary>
public static class YamlJson
{
    public static JsonNode? ToJson(YamlNode node, Func<YamlScalarNode, string>? scalarText = null) => node switch
    {
        YamlScalarNode s => Scalar(s, scalarText?.Invoke(s) ?? s.Value ?? ""),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(c => ToJson(c, scalarText)).ToArray()),
        YamlMappingNode map => ToObject(map, scalarText),
        _ => null,
    };

    private static JsonObject ToObject(YamlMappingNode map, Func<YamlScalarNode, string>? scalarText)
    {
        var o = new JsonObject();
        foreach (var (k, v) in map.Children)
        {
            o[((YamlScalarNode)k).Value ?? ""] = ToJson(v, scalarText);
        }

        return o;
    }

    private static JsonNode? Scalar(YamlScalarNode node, string text)
    {
        if (node.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            return JsonValue.Create(n);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsInfinity(d)
            && text.Any(char.IsDigit))
        {
            return JsonValue.Create(d);
        }

        return JsonValue.Create(text);
    }
}
