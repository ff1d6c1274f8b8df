namespace Medic.Core.Conditions;

internal sealed record CallNode(Function Function, IReadOnlyList<Node> Args, int Line, int Column) : Node(Line, Column)
{
    public override int Depth { get; } = 1 + Args.Select(a => a.Depth).DefaultIfEmpty(0).Max();
}
