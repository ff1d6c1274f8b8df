using Medic.Core.Conditions;
using Shouldly;
using Xunit;
using static Medic.Core.Tests.Conditions.Conditions;

namespace Medic.Core.Tests.Conditions;

public sealed class SyntaxErrorTests
{
    [Theory]
    [InlineData("", 1, 1, "expected an expression")]
    [InlineData("   ", 1, 4, "expected an expression")]
    [InlineData("a and", 1, 6, "expected a value, found end of expression")]
    [InlineData("a b", 1, 3, "expected an operator or the end of the expression, found 'b'")]
    [InlineData("(a", 1, 3, "expected ')' to close the '(' at 1:1")]
    [InlineData("[1, 2", 1, 6, "expected ']' to close the '[' at 1:1")]
    [InlineData("x[1", 1, 4, "expected ']' to close the '[' at 1:2")]
    [InlineData("a = 1", 1, 3, "unexpected '=' (use '==' to compare)")]
    [InlineData("a & b", 1, 3, "unexpected '&'")]
    [InlineData("a | b", 1, 3, "unexpected '|'")]
    [InlineData("a ? b", 1, 3, "unexpected '?'")]
    [InlineData("a # b", 1, 3, "unexpected character '#'")]
    [InlineData("'abc", 1, 1, "unterminated string")]
    [InlineData("x == 'a\\qb'", 1, 8, "unknown escape '\\q'")]
    [InlineData("a.", 1, 3, "expected a member name after '.'")]
    [InlineData("a.1", 1, 3, "expected a member name after '.'")]
    [InlineData("x => x", 1, 3, "a lambda (x => ...) is only allowed as a function argument")]
    [InlineData("a.b(1)", 1, 4, "only a function name can be called")]
    [InlineData("a < b < c", 1, 7, "comparisons cannot be chained")]
    [InlineData("a not b", 1, 3, "expected an operator")]
    [InlineData("5xs", 1, 2, "unknown unit 'xs' after 5")]
    [InlineData("x > 10Kb2", 1, 7, "unknown unit 'Kb2' after 10")]
    [InlineData("1e999", 1, 1, "too large")]
    public void Reports_the_position_of_a_syntax_error(string text, int line, int column, string message)
    {
        var error = ParseError(text);

        (error.Line, error.Column).ShouldBe((line, column));
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void Positions_count_lines_and_columns_in_multi_line_text()
    {
        var error = ParseError("pragma.data.journal_mode != 'wal'\n  and (locks.data.write_locked\n  or x");

        (error.Line, error.Column).ShouldBe((3, 7));
        error.Message.ShouldContain("expected ')' to close the '(' at 2:7");
    }

    [Fact]
    public void An_error_on_a_later_line_is_positioned_on_that_line()
    {
        var error = ParseError("a == 1\nand b == 2\nand c === 3");

        (error.Line, error.Column).ShouldBe((3, 9));
    }

    [Fact]
    public void An_unknown_function_is_named_with_a_suggestion()
    {
        var error = ParseError("x and lenn(y) > 0");

        error.ToString().ShouldBe("1:7: unknown function 'lenn' (did you mean 'len'?)");
    }

    [Fact]
    public void An_unknown_function_without_a_near_name_lists_the_functions()
    {
        ParseError("frobnicate(x)").Message.ShouldStartWith("unknown function 'frobnicate' (functions: len, any,");
    }

    [Theory]
    [InlineData("len(a, b)", "len() takes (list, string or object); found 2 arguments")]
    [InlineData("join(a)", "join() takes (list, separator); found 1 argument")]
    [InlineData("exists()", "exists() takes (value); found 0 arguments")]
    public void A_wrong_argument_count_is_a_parse_error(string text, string message)
    {
        var error = ParseError(text);

        error.Message.ShouldBe(message);
        (error.Line, error.Column).ShouldBe((1, 1));
    }

    [Theory]
    [InlineData("filter(xs, 1)", 1, 12, "argument 2 of filter() must be a lambda")]
    [InlineData("map(xs)", 1, 1, "map() takes (list, x => value)")]
    [InlineData("len(x => x)", 1, 5, "len() takes no lambda as argument 1")]
    [InlineData("any(x => x, xs)", 1, 5, "any() takes no lambda as argument 1")]
    public void Lambdas_stand_only_where_a_function_takes_them(string text, int line, int column, string message)
    {
        var error = ParseError(text);

        (error.Line, error.Column).ShouldBe((line, column));
        error.Message.ShouldStartWith(message);
    }

    [Fact]
    public void An_invalid_regex_literal_is_a_parse_error_at_the_pattern()
    {
        var error = ParseError("matches(x, '(unclosed')");

        (error.Line, error.Column).ShouldBe((1, 12));
        error.Message.ShouldStartWith("invalid regex:");
    }

    [Fact]
    public void Deep_nesting_is_a_positioned_error_not_a_crash()
    {
        var error = ParseError(new string('(', 100_000) + "1" + new string(')', 100_000));

        error.Line.ShouldBe(1);
        error.Column.ShouldBeInRange(1, 101);
        error.Message.ShouldContain("nested too deeply");
    }

    [Theory]
    [InlineData("not ", 100_000)]
    [InlineData("-", 100_000)]
    [InlineData("abs(", 30_000)]
    [InlineData("[", 100_000)]
    [InlineData("a ?? ", 10_000)]
    public void Deep_prefix_and_nesting_chains_are_rejected(string piece, int times)
    {
        var text = string.Concat(Enumerable.Repeat(piece, times)) + "x";

        ParseError(text).Message.ShouldContain("nested too deeply");
    }

    [Fact]
    public void A_long_flat_chain_is_rejected_before_it_could_exhaust_the_evaluator()
    {
        var text = string.Join(" + ", Enumerable.Repeat("1", 50_000));

        ParseError(text).Message.ShouldContain("nested too deeply");
    }

    [Fact]
    public void A_long_flat_list_is_fine()
    {
        var text = "[" + string.Join(", ", Enumerable.Range(0, 50_000)) + "]";

        Eval($"len({text})").AsNumber().ShouldBe(50_000);
    }
}
