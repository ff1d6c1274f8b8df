using System.Text.Json.Nodes;

namespace Medic.Probes.Toml;

/// <summary>A value in a parsed TOML document, with the 1-based position where it was defined.</summary>
public abstract class TomlNode
{
    private readonly LineMap _lines;
    private int _index;

    private protected TomlNode(LineMap lines, int index)
    {
        _lines = lines;
        _index = index;
    }

    public abstract TomlValueKind Kind { get; }

    /// <summary>1-based line where the value (or the table's header or first dotted key) starts.</summary>
    public int Line => _lines.Locate(_index).Line;

    /// <summary>1-based column, counted in Unicode characters.</summary>
    public int Column => _lines.Locate(_index).Column;

    /// <summary>
    /// The JSON form: tables become objects, arrays arrays, integers longs, floats doubles. Values JSON cannot hold
    /// become strings: date-times in RFC 3339 form (ask <see cref="Kind"/> to tell them from strings), and the
    /// floats <c>inf</c>, <c>-inf</c> and <c>nan</c>.
    /// </summary>
    public abstract JsonNode ToJson();

    private protected void MoveTo(int index) => _index = index;
}
