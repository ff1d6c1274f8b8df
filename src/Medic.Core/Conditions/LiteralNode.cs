namespace Medic.Core.Conditions;

internal sealed record LiteralNode(Value Value, int Line, int Column) : Node(Line, Column)
{
    public override int Depth => 1;
}
