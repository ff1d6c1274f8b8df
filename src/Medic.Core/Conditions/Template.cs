using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Medic.Core.Conditions;

/// <summary>
/// Text with <c>{expression}</c> placeholders (<c>{{</c> and <c>}}</c> for literal braces), rendered with
/// <see cref="Value.Format"/>. Used for explanations and check arguments.
/// </summary>
public sealed partial class Template
{
    // Each part is a literal string or an Expression.
    private readonly IReadOnlyList<object> _parts;

    private Template(string text, IReadOnlyList<object> parts)
    {
        Text = text;
        _parts = parts;
        var expressions = parts.OfType<Expression>().ToList();
        HasPlaceholders = expressions.Count > 0;
        Roots = [.. expressions.SelectMany(e => e.Roots)];
        Paths = [.. expressions.SelectMany(e => e.Paths).DistinctBy(p => p.Text, StringComparer.Ordinal)];
    }

    public string Text { get; }

    public bool HasPlaceholders { get; }

    public IReadOnlyList<RootReference> Roots { get; }

    public IReadOnlyList<PathReference> Paths { get; }

    /// <summary>The text with each placeholder written as "…": for showing a runbook where no observation fills it (log triage, search).</summary>
    public string Unrendered()
    {
        var sb = new StringBuilder();
        foreach (var part in _parts)
        {
            sb.Append(part as string ?? "…");
        }

        return sb.ToString();
    }

    public static bool TryParse(string text, [NotNullWhen(true)] out Template? template, [NotNullWhen(false)] out ConditionError? error)
    {
        text ??= "";
        template = null;
        var parts = new List<object>();
        var literal = new StringBuilder();
        var (line, lineStart) = (1, 0);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if ((c == '{' && next == '{') || (c == '}' && next == '}'))
            {
                literal.Append(c);
                i += 2;
                continue;
            }

            if (c == '}')
            {
                error = new ConditionError(line, i - lineStart + 1, "a lone '}' (write '}}' for a literal brace)");
                return false;
            }

            if (c != '{')
            {
                if (c == '\n')
                {
                    (line, lineStart) = (line + 1, i + 1);
                }

                literal.Append(c);
                i++;
                continue;
            }

            var close = FindClose(text, i + 1);
            if (close < 0 || string.IsNullOrWhiteSpace(text[(i + 1)..close]))
            {
                error = new ConditionError(line, i - lineStart + 1, close < 0
                    ? "unclosed '{' (write '{{' for a literal brace)"
                    : "empty placeholder '{}' (write '{{}}' for literal braces)");
                return false;
            }

            if (!Expression.TryParse(text, i + 1, close, line, lineStart, out var expression, out error))
            {
                return false;
            }

            if (literal.Length > 0)
            {
                parts.Add(literal.ToString());
                literal.Clear();
            }

            parts.Add(expression);
            for (var j = i; j < close; j++)
            {
                if (text[j] == '\n')
                {
                    (line, lineStart) = (line + 1, j + 1);
                }
            }

            i = close + 1;
        }

        if (literal.Length > 0)
        {
            parts.Add(literal.ToString());
        }

        template = new Template(text, parts);
        error = null;
        return true;
    }

    /// <summary>Renders every placeholder; a placeholder that fails to evaluate renders as <c>?</c>.</summary>
    public string Render(IConditionScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var result = new StringBuilder();
        foreach (var part in _parts)
        {
            if (part is Expression expression)
            {
                try
                {
                    result.Append(expression.Evaluate(scope).Format());
                }
                catch (ConditionException)
                {
                    result.Append('?');
                }
            }
            else
            {
                result.Append((string)part);
            }
        }

        return result.ToString();
    }

    public override string ToString() => Text;

    // The '}' that ends the placeholder opened before start, skipping quoted strings; -1 if none.
    private static int FindClose(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '}')
            {
                return i;
            }

            if (c is '\'' or '"')
            {
                i++;
                while (i < text.Length && text[i] != c)
                {
                    i += text[i] == '\\' ? 2 : 1;
                }
            }
        }

        return -1;
    }
}
