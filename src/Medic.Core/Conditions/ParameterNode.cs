namespace Medic.Core.Conditions;

/// <summary>A lambda parameter; <see cref="Slot"/> is the lambda's nesting level.</summary>
internal sealed record ParameterNode(string Name, int Slot, int Line, int Column) : Node(Line, Column)
{
    public override int Depth => 1;
}
