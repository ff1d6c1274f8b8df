namespace Medic.Core.Conditions;

/// <summary>A parse or evaluation error, 1-based line and column relative to the expression or template text.</summary>
public sealed record ConditionError(int Line, int Column, string Message)
{
    public override string ToString() => $"{Line}:{Column}: {Message}";
}
