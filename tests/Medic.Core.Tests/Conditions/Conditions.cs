using Medic.Core.Conditions;
using Shouldly;

namespace Medic.Core.Tests.Conditions;

/// <summary>Shorthands: parse (asserting success or failure) and evaluate.</summary>
internal static class Conditions
{
    public static Expression Parse(string text)
    {
        Expression.TryParse(text, out var expression, out var error).ShouldBeTrue(error?.ToString());
        return expression!;
    }

    public static ConditionError ParseError(string text)
    {
        Expression.TryParse(text, out _, out var error).ShouldBeFalse($"'{text}' parsed");
        return error!;
    }

    public static Value Eval(string text, string json = "{}") => Parse(text).Evaluate(TestScope.Of(json));

    public static string Show(string text, string json = "{}") => Eval(text, json).Format();

    public static ConditionError Fails(string text, string json = "{}") =>
        Should.Throw<ConditionException>(() => Parse(text).Evaluate(TestScope.Of(json))).Error;
}
