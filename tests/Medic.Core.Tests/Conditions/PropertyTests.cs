using FsCheck;
using FsCheck.Fluent;
using Medic.Core.Conditions;
using Shouldly;
using Xunit;

namespace Medic.Core.Tests.Conditions;

public sealed class PropertyTests
{
    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(1000);

    [Fact]
    public void Parsing_any_string_gives_an_expression_or_an_error_inside_the_text() =>
        Check.One(Many, Prop.ForAll(ArbMap.Default.ArbFor<string>(), s => ParsesOrErrsInside(s ?? "")));

    [Fact]
    public void Parsing_any_token_soup_gives_an_expression_or_an_error_inside_the_text() =>
        Check.One(Many, Prop.ForAll(Generators.TokenSoup.ToArbitrary(), ParsesOrErrsInside));

    [Fact]
    public void Generated_expressions_mostly_parse()
    {
        var samples = Generators.Expressions.Sample(50, 200).ToList();
        var failures = samples.Where(s => !Expression.TryParse(s, out _, out _)).ToList();

        samples.Count.ShouldBeGreaterThan(40);
        failures.Count.ShouldBeLessThan(samples.Count / 3, string.Join("\n", failures.Take(5).Select(f => Expression.TryParse(f, out _, out var e) ? f : $"{f} => {e}")));
    }

    [Fact]
    public void Evaluating_a_parsed_expression_gives_a_value_or_a_condition_error() =>
        Check.One(Many, Prop.ForAll(Generators.Expressions.ToArbitrary(), Generators.Scopes.ToArbitrary(), (text, scope) =>
        {
            if (!Expression.TryParse(text, out var expression, out _))
            {
                return true;
            }

            try
            {
                _ = expression.Evaluate(scope).Format();
                _ = expression.Paths.Select(p => p.Evaluate(scope).ToJson()).ToList();
            }
            catch (ConditionException e)
            {
                return e.Error.Line >= 1 && e.Error.Column >= 1;
            }

            return true;
        }));

    [Fact]
    public void Parsing_any_template_gives_a_template_or_an_error_inside_the_text() =>
        Check.One(Many, Prop.ForAll(ArbMap.Default.ArbFor<string>(), s => TemplateParsesOrErrsInside(s ?? "")));

    [Fact]
    public void Parsing_and_rendering_template_soups_never_throws() =>
        Check.One(Many, Prop.ForAll(Generators.TemplateSoup.ToArbitrary(), Generators.Scopes.ToArbitrary(), (text, scope) =>
        {
            if (!TemplateParsesOrErrsInside(text))
            {
                return false;
            }

            if (Template.TryParse(text, out var template, out _))
            {
                _ = template.Render(scope);
            }

            return true;
        }));

    private static bool ParsesOrErrsInside(string text) =>
        Expression.TryParse(text, out var expression, out var error)
            ? expression.Text == text && expression.Roots.All(r => Inside(text, r.Line, r.Column))
            : Inside(text, error.Line, error.Column);

    private static bool TemplateParsesOrErrsInside(string text) =>
        Template.TryParse(text, out var template, out var error)
            ? template.Roots.All(r => Inside(text, r.Line, r.Column)) && template.Paths.All(p => Inside(text, p.Line, p.Column))
            : Inside(text, error.Line, error.Column);

    // Column 1 up to one past the end of its line; a line that exists (or the one after the last newline).
    private static bool Inside(string text, int line, int column)
    {
        var lines = text.Split('\n');
        return line >= 1 && line <= lines.Length && column >= 1 && column <= lines[line - 1].Length + 1;
    }
}
