namespace Medic.Core.Conditions;

/// <summary>A lexed token; <see cref="Value"/> is set for literals (numbers, durations, sizes, strings, true, false, null).</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Line, int Column, Value? Value = null)
{
    /// <summary>Words that may follow '.' as a member name, keywords included (<c>x.in</c>).</summary>
    public bool IsWord => Kind is TokenKind.Identifier or TokenKind.And or TokenKind.Or or TokenKind.Not or TokenKind.In
        || (Kind == TokenKind.Literal && Text is "true" or "false" or "null");

    public string Describe() => Kind switch
    {
        TokenKind.End => "end of expression",
        TokenKind.Literal when Value?.Kind == ValueKind.String => "a string",
        _ => $"'{Text}'",
    };
}
