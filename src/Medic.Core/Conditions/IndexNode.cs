namespace Medic.Core.Conditions;

internal sealed record IndexNode(Node Target, Node Index, int Line, int Column) : Node(Line, Column)
{
    public override int Depth { get; } = 1 + Math.Max(Target.Depth, Index.Depth);
}
