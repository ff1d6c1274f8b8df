using System.Runtime.CompilerServices;

namespace Medic.Core.Conditions;

/// <summary>Equality (never a type error), ordering and membership between values.</summary>
internal static class Comparison
{
    public static bool AreEqual(Value a, Value b)
    {
        if (a.IsNull || b.IsNull)
        {
            return a.IsNull && b.IsNull;
        }

        if (a.AsNumber() is { } x && b.AsNumber() is { } y)
        {
            return Comparable(a.Kind, b.Kind) && x == y;
        }

        if (a.Kind != b.Kind)
        {
            return false;
        }

        // Deep lists and objects from JSON are compared recursively; running out of stack ends evaluation.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return a.Kind switch
        {
            ValueKind.Bool => a.AsBool() == b.AsBool(),
            ValueKind.String => string.Equals(a.Text, b.Text, StringComparison.Ordinal),
            ValueKind.List => ListsEqual(a.Items, b.Items),
            ValueKind.Object => a.PropertyCount == b.PropertyCount && a.PropertyNames.All(n => b.HasMember(n) && AreEqual(a.Member(n), b.Member(n))),
            _ => false,
        };
    }

    /// <summary>
    /// Order of two non-null values: numbers, durations (as milliseconds) and sizes (as bytes) mix with numbers;
    /// strings order ordinally. Null when the two cannot be ordered.
    /// </summary>
    public static int? Order(Value a, Value b)
    {
        if (a.AsNumber() is { } x && b.AsNumber() is { } y && Comparable(a.Kind, b.Kind))
        {
            return x.CompareTo(y);
        }

        return a.Kind == ValueKind.String && b.Kind == ValueKind.String ? Math.Sign(string.CompareOrdinal(a.Text, b.Text)) : null;
    }

    /// <summary>Whether the container holds the item: list element, substring, or object key. Null when it cannot tell.</summary>
    public static bool? Contains(Value container, Value item) => container.Kind switch
    {
        ValueKind.Null => false,
        ValueKind.List => container.Items.Any(i => AreEqual(i, item)),
        ValueKind.String when item.IsNull => false,
        ValueKind.String when item.Kind == ValueKind.String => container.Text.Contains(item.Text, StringComparison.Ordinal),
        ValueKind.Object when item.IsNull => false,
        ValueKind.Object when item.Kind == ValueKind.String => container.HasMember(item.Text),
        _ => null,
    };

    private static bool Comparable(ValueKind a, ValueKind b) => a == b || a == ValueKind.Number || b == ValueKind.Number;

    private static bool ListsEqual(IReadOnlyList<Value> a, IReadOnlyList<Value> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!AreEqual(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
