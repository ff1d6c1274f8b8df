namespace Medic.Probes.Config;

/// <summary>
/// The shape of a parsed configuration file: keys, types and whether a value is empty — never the values
/// themselves, so nothing a probe reports can leak a secret the file holds.
/// </summary>
internal sealed record ConfigNode(ConfigType Type, bool Empty = false)
{
    public static readonly ConfigNode Null = new(ConfigType.Null, Empty: true);

    public OrderedDictionary<string, ConfigNode>? Children { get; init; }

    public IReadOnlyList<ConfigNode>? Items { get; init; }

    public string TypeName => Type.ToString().ToLowerInvariant();

    public static ConfigNode Map(OrderedDictionary<string, ConfigNode> children) => new(ConfigType.Map) { Children = children };

    public static ConfigNode List(IReadOnlyList<ConfigNode> items) => new(ConfigType.List) { Items = items };

    public static ConfigNode String(string value) => new(ConfigType.String, Empty: string.IsNullOrWhiteSpace(value));
}
