using System.Text.Json.Nodes;

namespace Medic.Core.Conditions;

/// <summary>A value of the condition language. Immutable.</summary>
public sealed partial class Value
{
    // STUB: implemented by the condition-language work. Keep these public members.
    public ValueKind Kind => throw new NotImplementedException();

    public static Value Null => throw new NotImplementedException();

    public static Value FromJson(JsonNode? node) => throw new NotImplementedException();

    /// <summary>Null → false, Bool → itself; anything else is not a truth value (returns null).</summary>
    public bool? AsBool() => throw new NotImplementedException();

    /// <summary>JSON form: durations as milliseconds (number), sizes as bytes (number).</summary>
    public JsonNode? ToJson() => throw new NotImplementedException();

    /// <summary>Human form for explanations: strings bare, durations "1.5s", sizes "12 MB", lists "a, b".</summary>
    public string Format() => throw new NotImplementedException();
}
