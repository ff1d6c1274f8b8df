namespace Medic.Probes.Config;

/// <summary>An expected type from a component's <c>types</c>: one name, or alternatives such as <c>int|string</c>.</summary>
internal sealed record ConfigTypeSpec(string Key, IReadOnlyList<ConfigType> Allowed)
{
    public string Expected => string.Join('|', Allowed.Select(t => new ConfigNode(t).TypeName));

    /// <summary>Whether a value of <paramref name="actual"/> type satisfies the spec; an int is also a number.</summary>
    public bool Accepts(ConfigType actual) =>
        Allowed.Contains(actual) || (actual == ConfigType.Int && Allowed.Contains(ConfigType.Number));

    public static ConfigTypeSpec? Parse(string key, string text, out string? problem)
    {
        var allowed = new List<ConfigType>();
        foreach (var name in text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (TypeNamed(name) is not { } type)
            {
                problem = $"unknown type '{name}' for '{key}' in 'types' (use string, int, number, bool, list, map or datetime)";
                return null;
            }

            allowed.Add(type);
        }

        problem = allowed.Count == 0 ? $"no type given for '{key}' in 'types'" : null;
        return allowed.Count == 0 ? null : new ConfigTypeSpec(key, allowed);
    }

    private static ConfigType? TypeNamed(string name) => name.ToLowerInvariant() switch
    {
        "string" or "str" or "text" => ConfigType.String,
        "int" or "integer" or "long" => ConfigType.Int,
        "number" or "float" or "double" or "decimal" or "numeric" => ConfigType.Number,
        "bool" or "boolean" => ConfigType.Bool,
        "list" or "array" or "sequence" or "seq" => ConfigType.List,
        "map" or "object" or "mapping" or "dict" or "dictionary" or "table" => ConfigType.Map,
        "datetime" or "date" or "time" or "timestamp" => ConfigType.DateTime,
        _ => null,
    };
}
