namespace Medic.Core.Conditions;

internal static partial class Functions
{
    private static Value Len(CallArgs a)
    {
        var value = a[0];
        return value.Kind switch
        {
            ValueKind.Null => Value.Null,
            ValueKind.List => Value.FromNumber(value.Items.Count),
            ValueKind.String => Value.FromNumber(value.Text.Length),
            ValueKind.Object => Value.FromNumber(value.PropertyCount),
            _ => throw a.Error($"needs a list, string or object, got {Describe.Of(value)}"),
        };
    }

    private static Value Any(CallArgs a) => Value.FromBool(a.List(0)?.Any(a.Test) ?? false);

    private static Value All_(CallArgs a) => Value.FromBool(a.List(0)?.All(a.Test) ?? false);

    private static Value Count(CallArgs a) => a.List(0) is { } items
        ? Value.FromNumber(a.HasLambda ? items.Count(a.Test) : items.Count)
        : Value.Null;

    private static Value Filter(CallArgs a) => a.List(0) is { } items ? Value.FromList(items.Where(a.Test)) : Value.Null;

    private static Value Map(CallArgs a) => a.List(0) is { } items ? Value.FromList(items.Select(a.Map)) : Value.Null;

    private static Value Find(CallArgs a, bool fromEnd)
    {
        if (a.List(0) is not { } items)
        {
            return Value.Null;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[fromEnd ? items.Count - 1 - i : i];
            if (!a.HasLambda || a.Test(item))
            {
                return item;
            }
        }

        return Value.Null;
    }

    private static Value Extreme(CallArgs a, bool smallest)
    {
        if (a.List(0) is not { } items)
        {
            return Value.Null;
        }

        var best = Value.Null;
        foreach (var item in items)
        {
            var value = a.Map(item);
            if (value.IsNull)
            {
                continue;
            }

            if (best.IsNull || Compare(a, value, best) is var c && (smallest ? c < 0 : c > 0))
            {
                best = value;
            }
        }

        return best;
    }

    private static int Compare(CallArgs a, Value x, Value y) =>
        Comparison.Order(x, y) ?? throw a.Error($"cannot compare {Describe.Of(x)} with {Describe.Of(y)}");

    private static Value Sum(CallArgs a)
    {
        if (a.List(0) is not { } items)
        {
            return Value.Null;
        }

        var total = Value.FromNumber(0);
        foreach (var item in items)
        {
            var value = a.Map(item);
            if (value.IsNull)
            {
                continue;
            }

            if (value.AsNumber() is null)
            {
                throw a.Error($"can only add numbers, durations and sizes, got {Describe.Of(value)}");
            }

            total = Arithmetic.Apply(BinaryOperator.Add, total, value)
                ?? throw a.Error($"cannot add {Describe.Of(value)} to {Describe.Of(total)}");
        }

        return total;
    }

    private static Value Join(CallArgs a)
    {
        if (a.List(0) is not { } items)
        {
            return Value.Null;
        }

        var separator = a[1];
        return Value.FromString(string.Join(separator.IsNull ? "" : separator.Format(), items.Select(i => i.Format())));
    }

    private static Value Keys(CallArgs a) => Object(a) is { } o ? Value.FromList(o.PropertyNames.Select(Value.FromString)) : Value.Null;

    private static Value Values(CallArgs a) => Object(a) is { } o ? Value.FromList(o.PropertyNames.Select(o.Member)) : Value.Null;

    private static Value? Object(CallArgs a)
    {
        var value = a[0];
        return value.Kind switch
        {
            ValueKind.Null => null,
            ValueKind.Object => value,
            _ => throw a.Error($"needs an object, got {Describe.Of(value)}"),
        };
    }
}
