using System.Globalization;

namespace Medic.Probes.Config;

/// <summary>
/// A parsed configuration file: keys, types, whether a value is empty, and each scalar's text. Observations carry
/// the shape only; a value leaves this record only where a check needs it (a range's number, a duplicated node id)
/// and then never for a key whose name looks secret.
/// </summary>
internal sealed record ConfigNode(ConfigType Type, bool Empty = false)
{
    private const int MaxShownChars = 200;

    public static readonly ConfigNode Null = new(ConfigType.Null, Empty: true);

    public OrderedDictionary<string, ConfigNode>? Children { get; init; }

    public IReadOnlyList<ConfigNode>? Items { get; init; }

    /// <summary>A scalar's value as text: strings as written, numbers in invariant form, booleans lower case.</summary>
    public string? Scalar { get; init; }

    public string TypeName => Type == ConfigType.DateTime ? "datetime" : Type.ToString().ToLowerInvariant();

    public static ConfigNode Map(OrderedDictionary<string, ConfigNode> children) => new(ConfigType.Map) { Children = children };

    public static ConfigNode List(IReadOnlyList<ConfigNode> items) => new(ConfigType.List) { Items = items };

    public static ConfigNode String(string value) => new(ConfigType.String, Empty: string.IsNullOrWhiteSpace(value)) { Scalar = value };

    public static ConfigNode Int(long value) => new(ConfigType.Int) { Scalar = value.ToString(CultureInfo.InvariantCulture) };

    public static ConfigNode Number(double value) => new(ConfigType.Number) { Scalar = FormatNumber(value) };

    public static ConfigNode Bool(bool value) => new(ConfigType.Bool) { Scalar = value ? "true" : "false" };

    /// <summary>The value as a number: ints and floats, and strings that hold one (<c>PORT="3001"</c> in a .env file).</summary>
    public double? AsNumber() =>
        Type is ConfigType.Int or ConfigType.Number or ConfigType.String
        && double.TryParse(Scalar?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && !double.IsNaN(n)
            ? n
            : null;

    /// <summary>A canonical text of the whole value, for telling equal values from different ones across files.</summary>
    public string Canonical() => Type switch
    {
        ConfigType.Map => "{" + string.Join(",", Children!.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + ":" + c.Value.Canonical())) + "}",
        ConfigType.List => "[" + string.Join(",", Items!.Select(i => i.Canonical())) + "]",
        ConfigType.Null => "null",
        ConfigType.Int or ConfigType.Number => AsNumber() is { } n ? FormatNumber(n) : Scalar ?? "",
        _ => Scalar ?? "",
    };

    /// <summary>The value as a report may show it (long values cut short); callers decide whether the key allows it.</summary>
    public string Shown()
    {
        var text = Type is ConfigType.Map or ConfigType.List ? Canonical() : Scalar ?? "null";
        return text.Length > MaxShownChars ? text[..MaxShownChars] + "…" : text;
    }

    private static string FormatNumber(double n) =>
        double.IsPositiveInfinity(n) ? "inf" : double.IsNegativeInfinity(n) ? "-inf" : double.IsNaN(n) ? "nan" : n.ToString("R", CultureInfo.InvariantCulture);
}
