using System.Diagnostics.CodeAnalysis;

namespace Medic.Core.Conditions;

/// <summary>A parsed condition. Parsing never throws; evaluation throws only <see cref="ConditionException"/>.</summary>
public sealed partial class Expression
{
    private readonly Node _root;
    private readonly int _slots;

    private Expression(string text, Parser.Result parsed)
    {
        Text = text;
        _root = parsed.Root;
        _slots = parsed.Slots;
        Roots = parsed.Roots;
        Paths = PathCollector.Collect(parsed.Root);
    }

    public string Text { get; }

    /// <summary>Every occurrence of a free name (not a lambda parameter), in order.</summary>
    public IReadOnlyList<RootReference> Roots { get; }

    /// <summary>The maximal literal paths from free roots, in order of appearance, each once.</summary>
    public IReadOnlyList<PathReference> Paths { get; }

    public static bool TryParse(string text, [NotNullWhen(true)] out Expression? expression, [NotNullWhen(false)] out ConditionError? error)
    {
        text ??= "";
        return TryParse(text, 0, text.Length, 1, 0, out expression, out error);
    }

    /// <summary>Parses text[start..end); positions are reported in the whole text, where <paramref name="start"/> is on <paramref name="line"/>.</summary>
    internal static bool TryParse(string text, int start, int end, int line, int lineStart,
        [NotNullWhen(true)] out Expression? expression, [NotNullWhen(false)] out ConditionError? error)
    {
        expression = null;
        try
        {
            expression = new Expression(text[start..end], Parser.Parse(text, start, end, line, lineStart));
            error = null;
            return true;
        }
        catch (SyntaxException e)
        {
            error = e.Error;
            return false;
        }
        catch (InsufficientExecutionStackException)
        {
            error = new ConditionError(line, start - lineStart + 1, "expression is nested too deeply");
            return false;
        }
    }

    public Value Evaluate(IConditionScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        try
        {
            return new Evaluator(scope, _slots).Eval(_root);
        }
        catch (InsufficientExecutionStackException)
        {
            throw new ConditionException(new ConditionError(_root.Line, _root.Column, "the values compared are nested too deeply"));
        }
    }

    public override string ToString() => Text;
}
