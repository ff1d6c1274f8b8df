using System.Text.Json.Nodes;

namespace Medic.Core.Conditions;

/// <summary>A value of the condition language. Immutable.</summary>
/// <remarks>
/// Lists and objects read from JSON stay wrapped around their nodes, so walking a path into a large
/// observation touches only the nodes on the path.
/// </remarks>
public sealed partial class Value
{
    private static readonly Value NullValue = new(ValueKind.Null);
    private static readonly Value TrueValue = new(ValueKind.Bool, number: 1);
    private static readonly Value FalseValue = new(ValueKind.Bool, number: 0);

    // Number, milliseconds of a duration, bytes of a size, or 1/0 for a bool.
    private readonly double _number;
    private readonly string? _string;
    private readonly IReadOnlyList<Value>? _list;
    private readonly JsonArray? _array;
    private readonly JsonObject? _object;

    private Value(ValueKind kind, double number = 0, string? text = null, IReadOnlyList<Value>? list = null, JsonArray? array = null, JsonObject? obj = null)
    {
        Kind = kind;
        _number = number;
        _string = text;
        _list = list;
        _array = array;
        _object = obj;
    }

    public ValueKind Kind { get; }

    public static Value Null => NullValue;

    public static Value True => TrueValue;

    public static Value False => FalseValue;

    public bool IsNull => Kind == ValueKind.Null;

    public static Value FromBool(bool value) => value ? TrueValue : FalseValue;

    /// <summary>A number; NaN and infinities become <see cref="Null"/>, since JSON cannot carry them.</summary>
    public static Value FromNumber(double value) => double.IsFinite(value) ? new(ValueKind.Number, value) : NullValue;

    public static Value FromString(string? value) => value is null ? NullValue : new(ValueKind.String, text: value);

    public static Value FromDuration(TimeSpan value) => FromMilliseconds(value.TotalMilliseconds);

    /// <summary>A duration of the given milliseconds.</summary>
    public static Value FromMilliseconds(double milliseconds) =>
        double.IsFinite(milliseconds) ? new(ValueKind.Duration, milliseconds) : NullValue;

    /// <summary>A size of the given bytes.</summary>
    public static Value FromBytes(double bytes) => double.IsFinite(bytes) ? new(ValueKind.Size, bytes) : NullValue;

    public static Value FromList(IEnumerable<Value> items) => new(ValueKind.List, list: [.. items]);

    /// <summary>Null → false, Bool → itself; anything else is not a truth value (returns null).</summary>
    public bool? AsBool() => Kind switch
    {
        ValueKind.Null => false,
        ValueKind.Bool => _number != 0,
        _ => null,
    };

    /// <summary>The number of a Number, the milliseconds of a Duration, the bytes of a Size; otherwise null.</summary>
    public double? AsNumber() => Kind is ValueKind.Number or ValueKind.Duration or ValueKind.Size ? _number : null;

    public string? AsString() => _string;

    /// <summary>The duration of a Duration value, when it fits a <see cref="TimeSpan"/>; otherwise null.</summary>
    public TimeSpan? AsDuration() =>
        Kind == ValueKind.Duration && Math.Abs(_number) < TimeSpan.MaxValue.TotalMilliseconds / 2 ? TimeSpan.FromMilliseconds(_number) : null;

    /// <summary>The items of a List; otherwise null.</summary>
    public IReadOnlyList<Value>? AsList() => Kind == ValueKind.List ? Items : null;

    public override string ToString() => Format();

    internal double Number => _number;

    internal string Text => _string ?? "";

    internal IReadOnlyList<Value> Items => _list ?? (_array is null ? [] : new JsonListView(_array));

    internal int PropertyCount => _object?.Count ?? 0;

    internal IEnumerable<string> PropertyNames => _object?.Select(p => p.Key) ?? [];

    internal bool HasMember(string name) => _object?.ContainsKey(name) ?? false;

    internal Value Member(string name) =>
        _object is not null && _object.TryGetPropertyValue(name, out var node) ? FromJson(node) : NullValue;
}
