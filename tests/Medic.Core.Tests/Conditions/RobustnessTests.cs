using System.Text.Json.Nodes;
using Medic.Core.Conditions;
using Shouldly;
using Xunit;
using static Medic.Core.Tests.Conditions.Conditions;

namespace Medic.Core.Tests.Conditions;

public sealed class RobustnessTests
{
    [Fact]
    public void Lambdas_nested_over_large_lists_stop_at_the_step_budget()
    {
        var scope = new TestScope(new Dictionary<string, JsonNode?> { ["xs"] = new JsonArray([.. Enumerable.Range(0, 1000).Select(i => (JsonNode)i)]) });
        var expression = Parse("any(xs, a => any(xs, b => any(xs, c => a + b + c < 0)))");

        var error = Should.Throw<ConditionException>(() => expression.Evaluate(scope)).Error;

        error.Message.ShouldStartWith("evaluation stopped after");
    }

    [Fact]
    public void Comparing_very_deep_data_is_a_condition_error_not_a_crash()
    {
        var scope = new TestScope(new Dictionary<string, JsonNode?> { ["a"] = Deep(100_000), ["b"] = Deep(100_000) });

        var error = OnSmallStack(() => Should.Throw<ConditionException>(() => Parse("a == b").Evaluate(scope)).Error);

        error.Message.ShouldContain("nested too deeply");
    }

    [Fact]
    public void Formatting_and_copying_very_deep_data_is_cut_short_not_a_crash()
    {
        var scope = new TestScope(new Dictionary<string, JsonNode?> { ["a"] = Deep(100_000) });

        var (text, json) = OnSmallStack(() =>
        {
            var value = Parse("a").Evaluate(scope);
            return (Parse("'x' + a").Evaluate(scope).Format(), value.ToJson());
        });

        text.ShouldBe("x…");
        json.ShouldBeOfType<JsonArray>();
    }

    [Fact]
    public void A_deeply_nested_but_allowed_expression_evaluates_on_a_small_stack()
    {
        var text = new string('(', 90) + "1" + new string(')', 90) + " + " + string.Join(" + ", Enumerable.Repeat("1", 90));

        OnSmallStack(() => Show(text)).ShouldBe("91");
    }

    private static JsonNode Deep(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < depth; i++)
        {
            node = new JsonArray(node);
        }

        return node;
    }

    // Runs on a 256 KB stack, so a missing depth guard crashes the test run instead of passing by luck.
    private static T OnSmallStack<T>(Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, 256 * 1024);
        thread.Start();
        thread.Join();
        return failure is null ? result : throw new ShouldAssertException("work failed", failure);
    }
}
