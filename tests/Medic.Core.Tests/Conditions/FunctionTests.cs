using Shouldly;
using Xunit;
using static Medic.Core.Tests.Conditions.Conditions;

namespace Medic.Core.Tests.Conditions;

public sealed class FunctionTests
{
    private const string Data = """
        {
          "d": {
            "nums": [3, 1, 2],
            "empty": [],
            "checks": [
              { "name": "db", "status": "fail", "ms": 120 },
              { "name": "cache", "status": "ok", "ms": 5 },
              { "name": "queue", "status": "fail", "ms": null }
            ],
            "obj": { "a": 1, "b": "two" },
            "text": "Hello World",
            "flags": [true, false, null],
            "n": null
          }
        }
        """;

    [Theory]
    [InlineData("len(d.nums)", "3")]
    [InlineData("len(d.text)", "11")]
    [InlineData("len(d.obj)", "2")]
    [InlineData("len(d.empty)", "0")]
    [InlineData("any(d.checks, c => c.status == 'fail')", "true")]
    [InlineData("any(d.empty, c => true)", "false")]
    [InlineData("any(d.flags)", "true")]
    [InlineData("all(d.checks, c => c.ms != null)", "false")]
    [InlineData("all(d.empty, c => false)", "true")]
    [InlineData("all([true, true])", "true")]
    [InlineData("count(d.checks, c => c.status == 'fail')", "2")]
    [InlineData("count(d.nums)", "3")]
    [InlineData("min(d.nums)", "1")]
    [InlineData("max(d.nums)", "3")]
    [InlineData("max(d.checks, c => c.ms)", "120")]
    [InlineData("min(d.checks, c => c.ms)", "5")]
    [InlineData("max(['b', 'a', 'c'])", "c")]
    [InlineData("max([1s, 500ms])", "1s")]
    [InlineData("sum(d.nums)", "6")]
    [InlineData("sum(d.checks, c => c.ms)", "125")]
    [InlineData("sum([1s, 500ms])", "1.5s")]
    [InlineData("sum(d.empty)", "0")]
    [InlineData("join(map(filter(d.checks, c => c.status == 'fail'), c => c.name), ', ')", "db, queue")]
    [InlineData("first(d.checks).name", "db")]
    [InlineData("first(d.checks, c => c.status == 'ok').name", "cache")]
    [InlineData("last(d.checks).name", "queue")]
    [InlineData("last(d.checks, c => c.status == 'fail' and c.ms != null).name", "db")]
    [InlineData("join(d.nums, '-')", "3-1-2")]
    [InlineData("join(keys(d.obj), ',')", "a,b")]
    [InlineData("join(values(d.obj), ',')", "1,two")]
    [InlineData("contains(d.text, 'World')", "true")]
    [InlineData("contains(d.text, 'world')", "false")]
    [InlineData("contains(d.nums, 2)", "true")]
    [InlineData("contains(d.obj, 'b')", "true")]
    [InlineData("startsWith(d.text, 'Hell')", "true")]
    [InlineData("endsWith(d.text, 'World')", "true")]
    [InlineData("endsWith(d.text, 'world')", "false")]
    [InlineData("matches(d.text, '^H.*d$')", "true")]
    [InlineData("matches(d.text, '\\\\d')", "false")]
    [InlineData("lower(d.text)", "hello world")]
    [InlineData("upper(d.text)", "HELLO WORLD")]
    [InlineData("string(12) + string(1.5s)", "121.5s")]
    [InlineData("number('42.5') + 1", "43.5")]
    [InlineData("number('4x')", "null")]
    [InlineData("number(true)", "null")]
    [InlineData("number(2s)", "2000")]
    [InlineData("exists(d.text)", "true")]
    [InlineData("exists(d.n)", "false")]
    [InlineData("exists(d.nothing.here)", "false")]
    [InlineData("default(d.n, 'fallback')", "fallback")]
    [InlineData("default(d.text, 1 < 'a')", "Hello World")]
    [InlineData("round(2.5)", "3")]
    [InlineData("round(-2.5)", "-3")]
    [InlineData("round(3.14159, 2)", "3.14")]
    [InlineData("round(1.4ms)", "1ms")]
    [InlineData("abs(-4)", "4")]
    [InlineData("abs(-2s)", "2s")]
    [InlineData("seconds(30)", "30s")]
    [InlineData("seconds('30s')", "30s")]
    [InlineData("seconds('2m')", "2m")]
    [InlineData("seconds('45')", "45s")]
    [InlineData("seconds('soon')", "null")]
    [InlineData("ms(250)", "250ms")]
    [InlineData("ms('1.5s')", "1.5s")]
    [InlineData("bytes(2048)", "2 KB")]
    [InlineData("bytes('512MB')", "512 MB")]
    [InlineData("bytes('lots')", "null")]
    [InlineData("version('3.35.0')", "3035000")]
    [InlineData("version('3.31.1')", "3031001")]
    [InlineData("version('3.7')", "3007000")]
    [InlineData("version('v2')", "2000000")]
    [InlineData("version('x.y')", "null")]
    [InlineData("version(3.35)", "3035000")]
    public void Functions_compute_their_result(string text, string expected) => Show(text, Data).ShouldBe(expected);

    [Theory]
    [InlineData("len(d.n)", "null")]
    [InlineData("any(d.n)", "false")]
    [InlineData("any(d.n, x => true)", "false")]
    [InlineData("all(d.n, x => true)", "false")]
    [InlineData("count(d.n)", "null")]
    [InlineData("min(d.n)", "null")]
    [InlineData("max(d.empty)", "null")]
    [InlineData("sum(d.n)", "null")]
    [InlineData("filter(d.n, x => true)", "null")]
    [InlineData("map(d.n, x => x)", "null")]
    [InlineData("first(d.n)", "null")]
    [InlineData("last(d.empty)", "null")]
    [InlineData("join(d.n, ',')", "null")]
    [InlineData("keys(d.n)", "null")]
    [InlineData("values(d.n)", "null")]
    [InlineData("contains(d.n, 'x')", "false")]
    [InlineData("contains(d.text, null)", "false")]
    [InlineData("startsWith(d.n, 'x')", "null")]
    [InlineData("endsWith(d.text, d.n)", "null")]
    [InlineData("matches(d.n, 'x')", "null")]
    [InlineData("lower(d.n)", "null")]
    [InlineData("upper(d.n)", "null")]
    [InlineData("string(d.n)", "null")]
    [InlineData("number(d.n)", "null")]
    [InlineData("exists(null)", "false")]
    [InlineData("default(d.n, d.n)", "null")]
    [InlineData("round(d.n)", "null")]
    [InlineData("abs(d.n)", "null")]
    [InlineData("seconds(d.n)", "null")]
    [InlineData("ms(d.n)", "null")]
    [InlineData("bytes(d.n)", "null")]
    [InlineData("version(d.n)", "null")]
    public void Functions_given_null_return_null_or_false(string text, string expected) => Show(text, Data).ShouldBe(expected);

    [Theory]
    [InlineData("len(5)", "len(): needs a list, string or object, got a number (5)")]
    [InlineData("any(d.text)", "any(): argument 1 must be a list, got a string ('Hello World')")]
    [InlineData("filter(d.obj, x => true)", "filter(): argument 1 must be a list, got an object")]
    [InlineData("lower(5)", "lower(): argument 1 must be a string, got a number (5)")]
    [InlineData("keys(d.nums)", "keys(): needs an object, got a list of 3")]
    [InlineData("contains(5, 5)", "contains(): needs a string, list or object to look in")]
    [InlineData("round(1.5, 'x')", "round(): digits must be a whole number from 0 to 15")]
    [InlineData("abs('x')", "abs(): argument 1 must be a number, duration or size")]
    [InlineData("min([1, 'a'])", "min(): cannot compare a string ('a') with a number (1)")]
    [InlineData("sum(['a'])", "sum(): can only add numbers, durations and sizes")]
    [InlineData("sum([1s, 1KB])", "sum(): cannot add a size (1 KB) to a duration (1s)")]
    [InlineData("version(true)", "version(): needs a version text")]
    [InlineData("seconds(true)", "seconds(): needs a number or a text")]
    public void Functions_given_the_wrong_kind_fail_at_the_call(string text, string message)
    {
        var error = Fails("1 == 1 and " + text, Data);

        (error.Line, error.Column).ShouldBe((1, 12));
        error.Message.ShouldStartWith(message);
    }

    [Theory]
    [InlineData("any(d.nums, x => x)", 1, 13, "any() needs true or false from its lambda, got a number (3)")]
    [InlineData("all([1])", 1, 1, "all() needs true or false items, got a number (1)")]
    [InlineData("filter(d.nums, x => 'yes')", 1, 16, "filter() needs true or false from its lambda")]
    public void A_predicate_that_is_not_true_or_false_is_an_error(string text, int line, int column, string message)
    {
        var error = Fails(text, Data);

        (error.Line, error.Column).ShouldBe((line, column));
        error.Message.ShouldStartWith(message);
    }

    [Fact]
    public void A_predicate_that_gives_null_counts_as_false() =>
        Show("count(d.checks, c => c.missing)", Data).ShouldBe("0");

    [Fact]
    public void An_invalid_dynamic_regex_fails_at_evaluation()
    {
        var error = Fails("matches('x', p)", """{"p": "(unclosed"}""");

        error.Message.ShouldStartWith("matches(): invalid regex:");
    }

    [Fact]
    public void A_regex_that_runs_too_long_is_stopped_with_a_condition_error()
    {
        var json = $$"""{"s": "{{new string('a', 5000)}}!"}""";
        var started = System.Diagnostics.Stopwatch.StartNew();

        var error = Fails("matches(s, '^(a+)+$')", json);

        error.Message.ShouldBe("matches(): the regex took longer than 100 ms and was stopped");
        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Version_numbers_compare_with_sqlite_style_numbers()
    {
        var json = """{"c": {"min_version": "3.35.0"}, "h": {"written_by_version_number": 3031001}}""";

        Eval("h.written_by_version_number < version(c.min_version)", json).AsBool().ShouldBe(true);
    }
}
