using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Medic.Probes.Prometheus;

/// <summary>
/// A PromQL instant-vector selector: <c>name</c>, <c>name{code=~"5..",method!="GET"}</c> or <c>{__name__=~"http_.*"}</c>.
/// </summary>
public sealed class Selector
{
    private Selector(string? name, IReadOnlyList<LabelMatcher> matchers)
    {
        Name = name;
        Matchers = matchers;
    }

    /// <summary>The metric name before the braces, if any.</summary>
    public string? Name { get; }

    public IReadOnlyList<LabelMatcher> Matchers { get; }

    /// <exception cref="FormatException">The text is not a selector; the message says where and why.</exception>
    public static Selector Parse(string text) =>
        TryParse(text, out var selector, out var error) ? selector : throw new FormatException(error);

    public static bool TryParse(string text, [NotNullWhen(true)] out Selector? selector, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        selector = null;
        var c = new LineCursor(text, 1, 0);
        c.SkipBlanks();
        var name = c.ReadName(allowColon: true);
        var matchers = new List<LabelMatcher>();
        c.SkipBlanks();
        if (c.Peek() == '{')
        {
            c.Pos++;
            if (!TryReadMatchers(c, matchers, out error))
            {
                return false;
            }
        }

        c.SkipBlanks();
        if (!c.AtEnd)
        {
            error = $"unexpected {c.Describe()} at column {c.Pos + 1} of selector '{text}'";
            return false;
        }

        if (name.Length == 0 && matchers.Count == 0)
        {
            error = $"selector '{text}' names no metric and has no label matchers";
            return false;
        }

        selector = new Selector(name.Length == 0 ? null : name, matchers);
        error = null;
        return true;
    }

    /// <summary>Whether a sample of a family matches: by its own or its family's name, then every matcher.</summary>
    public bool Matches(MetricFamily family, Sample sample)
    {
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(sample);
        if (Name is not null && Name != sample.Name && Name != family.Name)
        {
            return false;
        }

        foreach (var m in Matchers)
        {
            if (!m.Matches(m.Name == "__name__" ? sample.Name : sample.Labels[m.Name]))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => (Name ?? "") + (Matchers.Count > 0 ? "{" + string.Join(",", Matchers) + "}" : "");

    private static bool TryReadMatchers(LineCursor c, List<LabelMatcher> matchers, [NotNullWhen(false)] out string? error)
    {
        while (true)
        {
            c.SkipBlanks();
            if (c.Peek() == '}')
            {
                c.Pos++;
                error = null;
                return true;
            }

            var label = c.ReadName(allowColon: false);
            if (label.Length == 0)
            {
                error = $"expected a label name at column {c.Pos + 1}, found {c.Describe()}";
                return false;
            }

            c.SkipBlanks();
            var op = c.Text.AsSpan(c.Pos) switch
            {
                ['=', '~', ..] => MatchOp.Regex,
                ['!', '~', ..] => MatchOp.NotRegex,
                ['!', '=', ..] => MatchOp.NotEqual,
                ['=', ..] => MatchOp.Equal,
                _ => (MatchOp?)null,
            };
            if (op is null)
            {
                error = $"expected =, !=, =~ or !~ after label '{label}' at column {c.Pos + 1}";
                return false;
            }

            c.Pos += op == MatchOp.Equal ? 1 : 2;
            c.SkipBlanks();
            if (!TryReadQuoted(c, out var value, out error))
            {
                return false;
            }

            try
            {
                matchers.Add(new LabelMatcher(label, op.Value, value));
            }
            catch (ArgumentException e)
            {
                error = $"invalid regular expression for label '{label}': {e.Message}";
                return false;
            }

            c.SkipBlanks();
            if (c.Peek() == ',')
            {
                c.Pos++;
            }
            else if (c.Peek() != '}')
            {
                error = $"expected ',' or '}}' at column {c.Pos + 1}, found {c.Describe()}";
                return false;
            }
        }
    }

    private static bool TryReadQuoted(LineCursor c, out string value, [NotNullWhen(false)] out string? error)
    {
        value = "";
        var quote = c.Peek();
        if (quote is not ('"' or '\'' or '`'))
        {
            error = $"expected a quoted value at column {c.Pos + 1}, found {c.Describe()}";
            return false;
        }

        var start = c.Pos++;
        var sb = new StringBuilder();
        while (!c.AtEnd)
        {
            var ch = c.Text[c.Pos++];
            if (ch == quote)
            {
                value = sb.ToString();
                error = null;
                return true;
            }

            if (ch == '\\' && quote != '`' && !c.AtEnd)
            {
                var e = c.Text[c.Pos++];
                _ = e switch
                {
                    'n' => sb.Append('\n'),
                    't' => sb.Append('\t'),
                    '\\' or '"' or '\'' => sb.Append(e),

                    // Keep unknown escapes whole, so a regex's \. or \d reaches the regex engine intact.
                    _ => sb.Append('\\').Append(e),
                };
                continue;
            }

            sb.Append(ch);
        }

        error = $"unterminated quoted value starting at column {start + 1}";
        return false;
    }
}
