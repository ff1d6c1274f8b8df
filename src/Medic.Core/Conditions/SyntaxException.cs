namespace Medic.Core.Conditions;

/// <summary>Unwinds the lexer and parser to <c>TryParse</c>, which turns it into a <see cref="ConditionError"/>.</summary>
internal sealed class SyntaxException(ConditionError error) : Exception(error.ToString())
{
    public ConditionError Error { get; } = error;
}
