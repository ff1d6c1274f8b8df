namespace Medic.Core.Conditions;

/// <summary>A free name, resolved through the scope.</summary>
internal sealed record RootNode(string Name, int Line, int Column) : Node(Line, Column)
{
    public override int Depth => 1;
}
