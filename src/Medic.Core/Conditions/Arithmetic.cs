namespace Medic.Core.Conditions;

/// <summary>
/// + - * / % over numbers, durations and sizes. A number beside a duration counts as milliseconds (a size:
/// bytes) for + and -, and as a factor for * and /. Results with no finite value (x / 0) are null.
/// </summary>
internal static class Arithmetic
{
    /// <summary>The result, or null (not <see cref="Value.Null"/>) when the operator does not apply to these kinds.</summary>
    public static Value? Apply(BinaryOperator op, Value a, Value b)
    {
        if (op == BinaryOperator.Add && (a.Kind == ValueKind.String || b.Kind == ValueKind.String))
        {
            return Value.FromString(a.Format() + b.Format());
        }

        if (a.IsNull || b.IsNull)
        {
            return (a.IsNull || a.AsNumber() is not null) && (b.IsNull || b.AsNumber() is not null) ? Value.Null : null;
        }

        if (a.AsNumber() is not { } x || b.AsNumber() is not { } y || ResultKind(op, a.Kind, b.Kind) is not { } kind)
        {
            return null;
        }

        var result = op switch
        {
            BinaryOperator.Add => x + y,
            BinaryOperator.Subtract => x - y,
            BinaryOperator.Multiply => x * y,
            BinaryOperator.Divide => y == 0 ? double.NaN : x / y,
            _ => y == 0 ? double.NaN : x % y,
        };
        return Make(kind, result);
    }

    public static Value Negate(Value v) => v.AsNumber() is { } n ? WithNumber(v, -n) : Value.Null;

    /// <summary>A value of the same kind as <paramref name="like"/> with another number.</summary>
    public static Value WithNumber(Value like, double n) => Make(like.Kind, n);

    private static Value Make(ValueKind kind, double n) => kind switch
    {
        ValueKind.Duration => Value.FromMilliseconds(n),
        ValueKind.Size => Value.FromBytes(n),
        _ => Value.FromNumber(n),
    };

    private static ValueKind? ResultKind(BinaryOperator op, ValueKind a, ValueKind b)
    {
        if (a == ValueKind.Number && b == ValueKind.Number)
        {
            return ValueKind.Number;
        }

        var unit = a == ValueKind.Number ? b : a;
        if (a != b && a != ValueKind.Number && b != ValueKind.Number)
        {
            return null;
        }

        return op switch
        {
            BinaryOperator.Add or BinaryOperator.Subtract => unit,
            BinaryOperator.Multiply when a != b => unit,
            BinaryOperator.Divide when b == ValueKind.Number => unit,
            BinaryOperator.Divide when a == b => ValueKind.Number,
            BinaryOperator.Remainder when b == ValueKind.Number || a == b => unit,
            _ => null,
        };
    }
}
