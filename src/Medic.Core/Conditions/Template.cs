using System.Diagnostics.CodeAnalysis;

namespace Medic.Core.Conditions;

/// <summary>
/// Text with <c>{expression}</c> placeholders (<c>{{</c> and <c>}}</c> for literal braces), rendered with
/// <see cref="Value.Format"/>. Used for explanations and check arguments.
/// </summary>
public sealed partial class Template
{
    // STUB: implemented by the condition-language work. Keep these public members.
    public string Text => throw new NotImplementedException();

    public bool HasPlaceholders => throw new NotImplementedException();

    public IReadOnlyList<RootReference> Roots => throw new NotImplementedException();

    public IReadOnlyList<PathReference> Paths => throw new NotImplementedException();

    public static bool TryParse(string text, [NotNullWhen(true)] out Template? template, [NotNullWhen(false)] out ConditionError? error) =>
        throw new NotImplementedException();

    /// <summary>Renders every placeholder; a placeholder that fails to evaluate renders as <c>?</c>.</summary>
    public string Render(IConditionScope scope) => throw new NotImplementedException();
}
