namespace Medic.Core.Conditions;

/// <summary>One step of a path: a member name, or (when <see cref="Member"/> is null) a list index.</summary>
internal readonly record struct PathStep(string? Member, int Index)
{
    public Value Apply(Value target) =>
        Member is null ? Access.Index(target, Value.FromNumber(Index)) : Access.Member(target, Member);

    public override string ToString() => Member switch
    {
        null => $"[{Index}]",
        _ when IsIdentifier(Member) => "." + Member,
        _ => "['" + Member.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "']",
    };

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && Lexer.IsIdentifierStart(name[0]) && name.All(Lexer.IsIdentifierPart);
}
