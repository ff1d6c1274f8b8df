namespace Medic.Core.Conditions;

/// <summary>
/// A maximal path from a free root in an expression, such as <c>pragma.data.journal_mode</c> or
/// <c>ports.data.ports[0].pid</c>; used to quote evidence.
/// </summary>
public sealed partial class PathReference
{
    // STUB: implemented by the condition-language work. Keep these public members.
    public string Root => throw new NotImplementedException();

    /// <summary>Canonical text of the path, e.g. <c>pragma.data.journal_mode</c>.</summary>
    public string Text => throw new NotImplementedException();

    /// <summary>The path below the root, e.g. <c>data.journal_mode</c> (empty for the bare root).</summary>
    public string SubPath => throw new NotImplementedException();

    public int Line => throw new NotImplementedException();

    public int Column => throw new NotImplementedException();

    /// <summary>Evaluates the path alone (null-safe; never throws for a missing member).</summary>
    public Value Evaluate(IConditionScope scope) => throw new NotImplementedException();
}
