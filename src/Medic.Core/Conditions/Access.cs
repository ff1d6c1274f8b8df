namespace Medic.Core.Conditions;

/// <summary>Null-safe member access and indexing: whatever is missing is null.</summary>
internal static class Access
{
    public static Value Member(Value target, string name) =>
        target.Kind == ValueKind.Object ? target.Member(name) : Value.Null;

    public static Value Index(Value target, Value index) => (target.Kind, index.Kind) switch
    {
        (ValueKind.List, ValueKind.Number) => Item(target.Items, index.Number),
        (ValueKind.Object, ValueKind.String) => target.Member(index.Text),
        _ => Value.Null,
    };

    private static Value Item(IReadOnlyList<Value> items, double index)
    {
        if (index != Math.Floor(index) || Math.Abs(index) > int.MaxValue)
        {
            return Value.Null;
        }

        var i = (int)index;
        if (i < 0)
        {
            i += items.Count;
        }

        return i >= 0 && i < items.Count ? items[i] : Value.Null;
    }
}
