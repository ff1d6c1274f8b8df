using Medic.Core.Conditions;
using Shouldly;
using Xunit;

namespace Medic.Core.Tests.Conditions;

public sealed class TemplateTests
{
    private static readonly TestScope Scope = TestScope.Of("""
        {
          "pragma": { "data": { "path": "/srv/app.db", "journal_mode": "delete", "busy": 1500 } },
          "component": { "service": "pma", "ports": [3001, 3002] }
        }
        """);

    private static Template Parse(string text)
    {
        Template.TryParse(text, out var template, out var error).ShouldBeTrue(error?.ToString());
        return template!;
    }

    private static ConditionError ParseError(string text)
    {
        Template.TryParse(text, out _, out var error).ShouldBeFalse();
        return error!;
    }

    [Theory]
    [InlineData("See what PID {locks.data.writer_pid} is doing", "See what PID … is doing")]
    [InlineData("{{literal}} and {pragma.data.busy} ms", "{literal} and … ms")]
    [InlineData("no placeholders", "no placeholders")]
    public void Unrendered_writes_each_placeholder_as_an_ellipsis(string text, string expected) =>
        Parse(text).Unrendered().ShouldBe(expected);

    [Theory]
    [InlineData("", "")]
    [InlineData("no placeholders", "no placeholders")]
    [InlineData("{pragma.data.path} uses {pragma.data.journal_mode}", "/srv/app.db uses delete")]
    [InlineData("ports {join(component.ports, ', ')}", "ports 3001, 3002")]
    [InlineData("wait {ms(pragma.data.busy)}", "wait 1.5s")]
    [InlineData("{{literal}} and {{{component.service}}}", "{literal} and {pma}")]
    [InlineData("{pragma.data.none ?? '}'}", "}")]
    [InlineData("{pragma.data.none ?? \"{x}\"}", "{x}")]
    [InlineData("{ component.service }", "pma")]
    [InlineData("a {component.service}\nb {pragma.data.journal_mode}", "a pma\nb delete")]
    public void Renders_placeholders_with_format(string text, string expected) => Parse(text).Render(Scope).ShouldBe(expected);

    [Fact]
    public void A_placeholder_that_fails_renders_as_a_question_mark() =>
        Parse("mode {pragma.data.journal_mode}, bad {1 < 'a'}, unknown {nope.x}").Render(Scope).ShouldBe("mode delete, bad ?, unknown ?");

    [Fact]
    public void The_empty_template_has_no_placeholders()
    {
        var template = Parse("");

        template.HasPlaceholders.ShouldBeFalse();
        template.Roots.ShouldBeEmpty();
        template.Paths.ShouldBeEmpty();
        template.Text.ShouldBe("");
    }

    [Theory]
    [InlineData("text {", 1, 6, "unclosed '{'")]
    [InlineData("a {b} {c", 1, 7, "unclosed '{'")]
    [InlineData("x {} y", 1, 3, "empty placeholder")]
    [InlineData("x {  } y", 1, 3, "empty placeholder")]
    [InlineData("x } y", 1, 3, "a lone '}'")]
    [InlineData("{a}}", 1, 4, "a lone '}'")]
    [InlineData("line one\n  then {x ?? '}", 2, 8, "unclosed '{'")]
    public void Brace_errors_are_positioned_at_the_brace(string text, int line, int column, string message)
    {
        var error = ParseError(text);

        (error.Line, error.Column).ShouldBe((line, column));
        error.Message.ShouldStartWith(message);
    }

    [Fact]
    public void An_error_inside_a_placeholder_is_positioned_in_the_whole_template()
    {
        var error = ParseError("first line {a}\nsecond {b.c} and {lenn(x)}");

        error.ToString().ShouldBe("2:19: unknown function 'lenn' (did you mean 'len'?)");
    }

    [Fact]
    public void An_error_on_a_later_line_of_a_multi_line_placeholder_is_positioned_there()
    {
        var error = ParseError("x\ny {join(map(a,\n   p => p.x +), ', ')}");

        (error.Line, error.Column).ShouldBe((3, 14));
    }

    [Fact]
    public void Roots_and_paths_are_positioned_in_the_whole_template()
    {
        var template = Parse("Port {component.ports[0]} held\nby {pragma.data.path} ({component.ports[0]})");

        template.HasPlaceholders.ShouldBeTrue();
        template.Roots.ShouldBe([
            new RootReference("component", 1, 7),
            new RootReference("pragma", 2, 5),
            new RootReference("component", 2, 25),
        ]);
        template.Paths.Select(p => (p.Text, p.Line, p.Column)).ShouldBe([("component.ports[0]", 1, 7), ("pragma.data.path", 2, 5)]);
    }
}
