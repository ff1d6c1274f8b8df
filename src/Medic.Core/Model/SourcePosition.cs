namespace Medic.Core.Model;

/// <summary>A place in an input file, 1-based, printed as <c>file:line:column</c>.</summary>
public readonly record struct SourcePosition(string File, int Line, int Column)
{
    public static SourcePosition Start(string file) => new(file, 1, 1);

    public override string ToString() => $"{File}:{Line}:{Column}";
}
