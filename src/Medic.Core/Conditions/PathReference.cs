namespace Medic.Core.Conditions;

/// <summary>
/// A maximal path from a free root in an expression, such as <c>pragma.data.journal_mode</c> or
/// <c>ports.data.ports[0].pid</c>; used to quote evidence.
/// </summary>
public sealed partial class PathReference
{
    private readonly IReadOnlyList<PathStep> _steps;

    internal PathReference(string root, IReadOnlyList<PathStep> steps, int line, int column)
    {
        Root = root;
        _steps = steps;
        Line = line;
        Column = column;
        var below = string.Concat(steps.Select(s => s.ToString()));
        SubPath = below.StartsWith('.') ? below[1..] : below;
        Text = root + below;
    }

    public string Root { get; }

    /// <summary>Canonical text of the path, e.g. <c>pragma.data.journal_mode</c>.</summary>
    public string Text { get; }

    /// <summary>The path below the root, e.g. <c>data.journal_mode</c> (empty for the bare root).</summary>
    public string SubPath { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>Evaluates the path alone (null-safe; never throws for a missing member).</summary>
    public Value Evaluate(IConditionScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.TryGetRoot(Root, out var json))
        {
            return Value.Null;
        }

        var value = Value.FromJson(json);
        foreach (var step in _steps)
        {
            value = step.Apply(value);
        }

        return value;
    }

    public override string ToString() => Text;
}
