namespace Medic.Core.Conditions;

/// <summary>A binary operator; the position is the operator's, for type errors.</summary>
internal sealed record BinaryNode(BinaryOperator Operator, string Symbol, Node Left, Node Right, int Line, int Column) : Node(Line, Column)
{
    public override int Depth { get; } = 1 + Math.Max(Left.Depth, Right.Depth);
}
