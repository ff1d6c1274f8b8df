namespace Medic.Core.Conditions;

/// <summary>Thrown by evaluation when a value has the wrong type for an operation; always positioned.</summary>
public sealed class ConditionException(ConditionError error) : Exception(error.ToString())
{
    public ConditionError Error { get; } = error;
}
