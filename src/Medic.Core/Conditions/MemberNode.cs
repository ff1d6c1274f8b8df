namespace Medic.Core.Conditions;

internal sealed record MemberNode(Node Target, string Name, int Line, int Column) : Node(Line, Column)
{
    public override int Depth { get; } = 1 + Target.Depth;
}
