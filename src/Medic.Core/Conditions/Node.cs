namespace Medic.Core.Conditions;

/// <summary>A node of a parsed expression; <see cref="Depth"/> bounds the evaluator's recursion.</summary>
internal abstract record Node(int Line, int Column)
{
    public abstract int Depth { get; }

    public ConditionException Error(string message) => new(new ConditionError(Line, Column, message));
}
