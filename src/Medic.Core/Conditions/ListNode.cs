namespace Medic.Core.Conditions;

internal sealed record ListNode(IReadOnlyList<Node> Items, int Line, int Column) : Node(Line, Column)
{
    public override int Depth { get; } = 1 + Items.Select(i => i.Depth).DefaultIfEmpty(0).Max();
}
