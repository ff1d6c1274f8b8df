namespace Medic.Core.Conditions;

/// <summary><c>-x</c> (<see cref="Negate"/> true) or <c>not x</c>.</summary>
internal sealed record UnaryNode(bool Negate, Node Operand, int Line, int Column) : Node(Line, Column)
{
    public override int Depth { get; } = 1 + Operand.Depth;
}
