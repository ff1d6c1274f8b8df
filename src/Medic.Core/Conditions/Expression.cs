using System.Diagnostics.CodeAnalysis;

namespace Medic.Core.Conditions;

/// <summary>A parsed condition. Parsing never throws; evaluation throws only <see cref="ConditionException"/>.</summary>
public sealed partial class Expression
{
    // STUB: implemented by the condition-language work. Keep these public members.
    public string Text => throw new NotImplementedException();

    public IReadOnlyList<RootReference> Roots => throw new NotImplementedException();

    public IReadOnlyList<PathReference> Paths => throw new NotImplementedException();

    public static bool TryParse(string text, [NotNullWhen(true)] out Expression? expression, [NotNullWhen(false)] out ConditionError? error) =>
        throw new NotImplementedException();

    public Value Evaluate(IConditionScope scope) => throw new NotImplementedException();
}
