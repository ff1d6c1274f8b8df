namespace Medic.Core.Conditions;

internal sealed record LambdaNode(string Parameter, int Slot, Node Body, int Line, int Column) : Node(Line, Column)
{
    public override int Depth { get; } = 1 + Body.Depth;
}
