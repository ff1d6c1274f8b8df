using Medic.Core.Systems;
using Shouldly;
using Xunit;

namespace Medic.Core.Tests.Systems;

public sealed class EnvInterpolatorTests
{
    private static (string Value, List<EnvInterpolator.Failure> Failures) Expand(string text)
    {
        var failures = new List<EnvInterpolator.Failure>();
        var value = EnvInterpolator.Expand(text, n => n == "A" ? "alpha" : null, [], failures);
        return (value, failures);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("${A}", "alpha")]
    [InlineData("x-${A}-y", "x-alpha-y")]
    [InlineData("${B:-dflt}", "dflt")]
    [InlineData("$$5 and $$${A}", "$5 and $alpha")]
    [InlineData("cost $5", "cost $5")]
    public void Expands_references(string text, string expected) => Expand(text).Value.ShouldBe(expected);

    [Fact]
    public void Reports_an_unset_variable_at_its_offset()
    {
        var (_, failures) = Expand("abc ${NOPE} d");

        failures.Single().Offset.ShouldBe(4);
        failures.Single().Message.ShouldContain("'NOPE' is not set");
    }

    [Fact]
    public void Reports_an_unclosed_reference() => Expand("x ${A").Failures.Single().Message.ShouldContain("unclosed");
}
