using System.Text.Json.Nodes;

namespace Medic.Probes.Toml;

/// <summary>
/// A scalar: <see cref="Value"/> is a <see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>,
/// <see cref="DateTimeOffset"/> (offset date-time), <see cref="DateTime"/> (local date-time), <see cref="DateOnly"/>
/// or <see cref="TimeOnly"/>.
/// </summary>
public sealed class TomlValue : TomlNode
{
    internal TomlValue(TomlValueKind kind, object value, string text, LineMap lines, int index)
        : base(lines, index)
    {
        Kind = kind;
        Value = value;
        Text = text;
    }

    public override TomlValueKind Kind { get; }

    public object Value { get; }

    /// <summary>
    /// The value as text: strings as they are, numbers in invariant form (<c>inf</c>, <c>nan</c>), <c>true</c>/<c>false</c>,
    /// date-times in RFC 3339 form as written (T and Z upper case, fraction kept).
    /// </summary>
    public string Text { get; }

    public override JsonNode ToJson() => Value switch
    {
        string s => JsonValue.Create(s),
        long n => JsonValue.Create(n),
        bool b => JsonValue.Create(b),
        double d when double.IsFinite(d) => JsonValue.Create(d),
        double d => JsonValue.Create(double.IsNaN(d) ? "nan" : d > 0 ? "inf" : "-inf"),
        _ => JsonValue.Create(Text),
    };

    public override string ToString() => Text;
}
