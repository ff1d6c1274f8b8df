using Medic.Core.Conditions;
using Shouldly;
using Xunit;
using static Medic.Core.Tests.Conditions.Conditions;

namespace Medic.Core.Tests.Conditions;

public sealed class OperatorTests
{
    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("10 - 4 - 3", "3")]
    [InlineData("12 / 2 / 3", "2")]
    [InlineData("7 % 4 + 1", "4")]
    [InlineData("-2 * 3", "-6")]
    [InlineData("- (2 + 3)", "-5")]
    [InlineData("1 + 2 == 3", "true")]
    [InlineData("true or false and false", "true")]
    [InlineData("(true or false) and false", "false")]
    [InlineData("not true or true", "true")]
    [InlineData("not (true or true)", "false")]
    [InlineData("not 1 == 2", "true")]
    [InlineData("! false && true", "true")]
    [InlineData("false || 1 < 2", "true")]
    [InlineData("3 ?? 1 + 1", "3")]
    [InlineData("null ?? null ?? 'c'", "c")]
    [InlineData("'a' ?? 'b'", "a")]
    [InlineData("1 in [1, 2] and 3 not in [1, 2]", "true")]
    [InlineData("5 ?? 2 > 1", "5")]
    public void Operators_bind_by_precedence(string text, string expected) => Show(text).ShouldBe(expected);

    [Theory]
    [InlineData("null == null", true)]
    [InlineData("null == 0", false)]
    [InlineData("null != 'x'", true)]
    [InlineData("1 == 1.0", true)]
    [InlineData("'a' == 'A'", false)]
    [InlineData("'a' == 'a'", true)]
    [InlineData("1 == '1'", false)]
    [InlineData("true == 1", false)]
    [InlineData("1000 == 1s", true)]
    [InlineData("1s == 1000ms", true)]
    [InlineData("1024 == 1KB", true)]
    [InlineData("1KB == 1024ms", false)]
    [InlineData("[1, 'a', [true]] == [1.0, 'a', [true]]", true)]
    [InlineData("[1, 2] == [2, 1]", false)]
    [InlineData("o == o2", true)]
    [InlineData("o == o3", false)]
    [InlineData("o.list == [1, 2]", true)]
    public void Equality_is_deep_and_never_a_type_error(string text, bool expected) =>
        Eval(text, """{"o": {"a": 1, "list": [1, 2]}, "o2": {"list": [1, 2], "a": 1.0}, "o3": {"a": 1}}""").AsBool().ShouldBe(expected);

    [Theory]
    [InlineData("1 < 2", true)]
    [InlineData("2 <= 2", true)]
    [InlineData("3 > 4", false)]
    [InlineData("4 >= 4.5", false)]
    [InlineData("'apple' < 'banana'", true)]
    [InlineData("'B' < 'a'", true)]
    [InlineData("null < 1", false)]
    [InlineData("1 > null", false)]
    [InlineData("null >= null", false)]
    [InlineData("m.value < 5", false)]
    [InlineData("500 < 1s", true)]
    [InlineData("2s > 1999", true)]
    [InlineData("1MB > 1000KB", true)]
    [InlineData("1KB <= 1024", true)]
    public void Orderings_compare_numbers_strings_and_quantities(string text, bool expected) =>
        Eval(text, """{"m": {}}""").AsBool().ShouldBe(expected);

    [Theory]
    [InlineData("1 < 'a'", 1, 3, "cannot compare a number (1) < a string ('a')")]
    [InlineData("true > false", 1, 6, "cannot compare")]
    [InlineData("[1] <= [2]", 1, 5, "cannot compare")]
    [InlineData("1s < 1KB", 1, 4, "cannot compare")]
    public void Orderings_of_other_kinds_are_positioned_errors(string text, int line, int column, string message)
    {
        var error = Fails(text);

        (error.Line, error.Column).ShouldBe((line, column));
        error.Message.ShouldStartWith(message);
    }

    [Theory]
    [InlineData("'b' in ['a', 'b']", true)]
    [InlineData("'c' in ['a', 'b']", false)]
    [InlineData("1 in [1.0]", true)]
    [InlineData("null in [null]", true)]
    [InlineData("'ell' in 'hello'", true)]
    [InlineData("'x' in 'hello'", false)]
    [InlineData("'x' in o.missing", false)]
    [InlineData("'x' not in o.missing", true)]
    [InlineData("'c' not in ['a', 'b']", true)]
    [InlineData("'a' in o", true)]
    [InlineData("'z' in o", false)]
    [InlineData("null in 'abc'", false)]
    public void In_looks_in_lists_strings_and_objects(string text, bool expected) =>
        Eval(text, """{"o": {"a": 1}}""").AsBool().ShouldBe(expected);

    [Theory]
    [InlineData("1 in 5")]
    [InlineData("1 in 'a1'")]
    [InlineData("1 not in true")]
    public void In_with_nothing_to_look_in_is_an_error(string text) => Fails(text).Column.ShouldBe(3);

    [Theory]
    [InlineData("'port ' + p.port", "port 3001")]
    [InlineData("p.port + ' open'", "3001 open")]
    [InlineData("'a' + 'b' + 1 + 2", "ab12")]
    [InlineData("1 + 2 + 'a'", "3a")]
    [InlineData("'t=' + 1.5s", "t=1.5s")]
    [InlineData("'x' + p.missing", "xnull")]
    [InlineData("'ok: ' + true", "ok: true")]
    [InlineData("'l: ' + [1, 2]", "l: 1, 2")]
    public void Plus_with_a_string_concatenates_the_formatted_other_side(string text, string expected) =>
        Show(text, """{"p": {"port": 3001}}""").ShouldBe(expected);

    [Theory]
    [InlineData("null + 1")]
    [InlineData("1 - null")]
    [InlineData("null * null")]
    [InlineData("1 / 0")]
    [InlineData("5 % 0")]
    [InlineData("1s / 0")]
    [InlineData("-null")]
    [InlineData("1e308 * 10")]
    public void Arithmetic_with_null_or_no_finite_result_is_null(string text) => Eval(text).IsNull.ShouldBeTrue();

    [Theory]
    [InlineData("1 + true", 1, 3, "cannot apply '+' to a number (1) and a bool (true)")]
    [InlineData("[1] - 1", 1, 5, "cannot apply '-'")]
    [InlineData("'a' * 2", 1, 5, "cannot apply '*'")]
    [InlineData("null + true", 1, 6, "cannot apply '+'")]
    [InlineData("1s * 1s", 1, 4, "cannot apply '*'")]
    [InlineData("1s + 1KB", 1, 4, "cannot apply '+'")]
    [InlineData("5 / 1s", 1, 3, "cannot apply '/'")]
    [InlineData("-'a'", 1, 1, "cannot negate a string ('a')")]
    public void Arithmetic_on_other_kinds_is_a_positioned_error(string text, int line, int column, string message)
    {
        var error = Fails(text);

        (error.Line, error.Column).ShouldBe((line, column));
        error.Message.ShouldStartWith(message);
    }

    [Theory]
    [InlineData("x and true", "{\"x\": null}", false)]
    [InlineData("x or true", "{\"x\": null}", true)]
    [InlineData("not x", "{\"x\": null}", true)]
    [InlineData("not x.deep.path", "{\"x\": null}", true)]
    [InlineData("false and 1", "{}", false)]
    [InlineData("true or 'x'", "{}", true)]
    public void Logic_treats_null_as_false_and_short_circuits(string text, string json, bool expected) =>
        Eval(text, json).AsBool().ShouldBe(expected);

    [Theory]
    [InlineData("1 and true", 1, 3, "'and' needs true or false, got a number (1)")]
    [InlineData("true && 'x'", 1, 6, "'&&' needs true or false, got a string ('x')")]
    [InlineData("false or []", 1, 7, "'or' needs true or false, got a list of 0")]
    [InlineData("not 5", 1, 1, "'not' needs true or false")]
    [InlineData("x == 1 and\n  y.z", 1, 8, "'and' needs true or false")]
    public void Logic_on_other_kinds_is_a_positioned_error(string text, int line, int column, string message)
    {
        var error = Fails(text, """{"x": 1, "y": {"z": "s"}}""");

        (error.Line, error.Column).ShouldBe((line, column));
        error.Message.ShouldStartWith(message);
    }

    [Fact]
    public void Coalesce_does_not_evaluate_the_right_side_when_the_left_has_a_value() =>
        Show("1 ?? (1 < 'a')").ShouldBe("1");
}
