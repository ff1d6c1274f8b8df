using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Medic.Probes.Config;

/// <summary>
/// Parses a YAML configuration file into its shape, typing plain scalars the YAML 1.2 core way
/// (<c>3001</c> is an int, <c>"3001"</c> a string, <c>~</c> null), and applying <c>&lt;&lt;</c> merge keys.
/// </summary>
internal static partial class YamlConfigReader
{
    private const int MaxDepth = 128;

    public static ConfigParseResult Read(string text)
    {
        var parser = new Parser(new StringReader(text));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            var (line, column) = Position(text, e);
            return ConfigParseResult.Failed(line, column, e.Message.Trim());
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet throws these on some malformed input (an unclosed flow sequence); the last event it read is near the fault.
            var mark = parser.Current?.End;
            return ConfigParseResult.Failed(mark is null ? null : (int)mark.Value.Line, mark is null ? null : (int)mark.Value.Column,
                "the YAML is malformed near here (an unclosed bracket or quote?)");
        }

        var root = stream.Documents.Count == 0 ? ConfigNode.Null : Shape(stream.Documents[0].RootNode, 0);
        return ConfigParseResult.Parsed(root);
    }

    private static ConfigNode Shape(YamlNode node, int depth)
    {
        if (depth > MaxDepth)
        {
            return ConfigNode.Null; // an alias cycle or absurd nesting; deeper keys stay unreported
        }

        return node switch
        {
            YamlMappingNode map => ConfigNode.Map(Children(map, depth)),
            YamlSequenceNode seq => ConfigNode.List([.. seq.Children.Select(c => Shape(c, depth + 1))]),
            YamlScalarNode s => Scalar(s),
            _ => ConfigNode.Null,
        };
    }

    private static OrderedDictionary<string, ConfigNode> Children(YamlMappingNode map, int depth)
    {
        var children = new OrderedDictionary<string, ConfigNode>(StringComparer.Ordinal);
        var merges = new List<YamlNode>();
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } k)
            {
                continue; // complex keys cannot be named by a dotted path
            }

            if (name == "<<" && k.Style == ScalarStyle.Plain)
            {
                merges.AddRange(value is YamlSequenceNode list ? list.Children : [value]);
                continue;
            }

            children[name] = Shape(value, depth + 1);
        }

        // Merged keys never override the mapping's own, whatever their order.
        foreach (var source in merges.OfType<YamlMappingNode>())
        {
            foreach (var (name, child) in Children(source, depth + 1))
            {
                children.TryAdd(name, child);
            }
        }

        return children;
    }

    private static ConfigNode Scalar(YamlScalarNode node)
    {
        var text = node.Value ?? "";
        if (node.Style != ScalarStyle.Plain || (node.Tag.IsGlobal && node.Tag.Value == "tag:yaml.org,2002:str"))
        {
            return ConfigNode.String(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => ConfigNode.Null,
            "true" or "True" or "TRUE" => ConfigNode.Bool(true),
            "false" or "False" or "FALSE" => ConfigNode.Bool(false),
            _ when IntPattern().IsMatch(text) => Int(text),
            _ when FloatPattern().IsMatch(text) => ConfigNode.Number(Float(text)),
            _ => ConfigNode.String(text),
        };
    }

    private static ConfigNode Int(string text)
    {
        var (digits, radix) = text.StartsWith("0x", StringComparison.Ordinal) ? (text[2..], 16)
            : text.StartsWith("0o", StringComparison.Ordinal) ? (text[2..], 8)
            : (text, 10);
        try
        {
            return ConfigNode.Int(radix == 10 ? long.Parse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : Convert.ToInt64(digits, radix));
        }
        catch (OverflowException)
        {
            return new ConfigNode(ConfigType.Int) { Scalar = text }; // wider than 64 bits: typed, kept as written
        }
    }

    private static double Float(string text) => text.TrimStart('+', '-').ToLowerInvariant() switch
    {
        ".inf" => text.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity,
        ".nan" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The error's 1-based position. YamlDotNet reports a tab in indentation at the start of the enclosing mapping,
    /// so for tab errors this finds the tab itself.
    /// </summary>
    private static (int Line, int Column) Position(string text, YamlException e)
    {
        var line = (int)e.Start.Line;
        var column = (int)e.Start.Column;
        if (!e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            return (line, column);
        }

        var lines = text.Split('\n');
        for (var i = Math.Max(line - 1, 0); i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && (tab < indent || i + 1 >= (int)e.End.Line))
            {
                return (i + 1, tab + 1);
            }
        }

        return (line, column);
    }

    [GeneratedRegex(@"^([-+]?[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+)$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex FloatPattern();
}
