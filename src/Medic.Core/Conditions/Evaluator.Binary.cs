namespace Medic.Core.Conditions;

internal sealed partial class Evaluator
{
    private Value Binary(BinaryNode node)
    {
        switch (node.Operator)
        {
            case BinaryOperator.Coalesce:
                return Eval(node.Left) is { IsNull: false } left ? left : Eval(node.Right);
            case BinaryOperator.And:
                return Value.FromBool(Truth(Eval(node.Left), node, node.Symbol) && Truth(Eval(node.Right), node, node.Symbol));
            case BinaryOperator.Or:
                return Value.FromBool(Truth(Eval(node.Left), node, node.Symbol) || Truth(Eval(node.Right), node, node.Symbol));
        }

        var a = Eval(node.Left);
        var b = Eval(node.Right);
        return node.Operator switch
        {
            BinaryOperator.Equal => Value.FromBool(Comparison.AreEqual(a, b)),
            BinaryOperator.NotEqual => Value.FromBool(!Comparison.AreEqual(a, b)),
            BinaryOperator.Less or BinaryOperator.LessEqual or BinaryOperator.Greater or BinaryOperator.GreaterEqual => Order(node, a, b),
            BinaryOperator.In => Value.FromBool(In(node, a, b)),
            BinaryOperator.NotIn => Value.FromBool(!In(node, a, b)),
            _ => Arithmetic.Apply(node.Operator, a, b)
                ?? throw node.Error($"cannot apply '{node.Symbol}' to {Describe.Of(a)} and {Describe.Of(b)}"),
        };
    }

    private static Value Order(BinaryNode node, Value a, Value b)
    {
        if (a.IsNull || b.IsNull)
        {
            return Value.False;
        }

        var order = Comparison.Order(a, b) ?? throw node.Error($"cannot compare {Describe.Of(a)} {node.Symbol} {Describe.Of(b)}");
        return Value.FromBool(node.Operator switch
        {
            BinaryOperator.Less => order < 0,
            BinaryOperator.LessEqual => order <= 0,
            BinaryOperator.Greater => order > 0,
            _ => order >= 0,
        });
    }

    private static bool In(BinaryNode node, Value item, Value container) =>
        Comparison.Contains(container, item)
        ?? throw node.Error($"'{node.Symbol}' needs a list, string or object on its right (and a string to find in a string), got {Describe.Of(item)} {node.Symbol} {Describe.Of(container)}");
}
