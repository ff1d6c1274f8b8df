using Medic.Probes.Toml;

namespace Medic.Probes.Config;

/// <summary>Parses a TOML 1.0 configuration file (with Medic's own strict parser) into its shape.</summary>
internal static class TomlConfigReader
{
    public static ConfigParseResult Read(string text)
    {
        if (!TomlParser.TryParse(text, out var document, out var error))
        {
            return ConfigParseResult.Failed(error.Line, error.Column, TomlMessages.Redact(error.Message, text, error.Line));
        }

        return ConfigParseResult.Parsed(Shape(document.Root));
    }

    private static ConfigNode Shape(TomlNode node) => node switch
    {
        TomlTable table => ConfigNode.Map(new OrderedDictionary<string, ConfigNode>(
            table.Entries.Select(e => KeyValuePair.Create(e.Key, Shape(e.Value))), StringComparer.Ordinal)),
        TomlArray array => ConfigNode.List([.. array.Items.Select(Shape)]),
        TomlValue { Value: string s } => ConfigNode.String(s),
        TomlValue { Value: long n } => ConfigNode.Int(n),
        TomlValue { Value: double d } => ConfigNode.Number(d),
        TomlValue { Value: bool b } => ConfigNode.Bool(b),
        TomlValue v => new ConfigNode(ConfigType.DateTime) { Scalar = v.Text },
        _ => ConfigNode.Null,
    };
}
