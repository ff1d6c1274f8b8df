using Medic.Core.Model;
using Shouldly;
using Xunit;

namespace Medic.Core.Tests.Systems;

public sealed class QuantitiesTests
{
    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("30s", 30_000)]
    [InlineData("5m", 300_000)]
    [InlineData("1.5h", 5_400_000)]
    [InlineData("1500", 1500)]
    public void Parses_durations(string text, double ms)
    {
        Quantities.TryParseDuration(text, out var d).ShouldBeTrue();
        d.TotalMilliseconds.ShouldBe(ms);
    }

    [Theory]
    [InlineData("512KB", 524_288)]
    [InlineData("1GB", 1_073_741_824)]
    [InlineData("10MiB", 10_485_760)]
    [InlineData("7", 7)]
    public void Parses_sizes(string text, long bytes)
    {
        Quantities.TryParseSize(text, out var b).ShouldBeTrue();
        b.ShouldBe(bytes);
    }

    [Theory]
    [InlineData("5 parsecs")]
    [InlineData("-1s")]
    [InlineData("")]
    public void Rejects_what_is_not_a_duration(string text) => Quantities.TryParseDuration(text, out _).ShouldBeFalse();
}
