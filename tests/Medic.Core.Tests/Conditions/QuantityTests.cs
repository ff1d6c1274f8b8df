using Medic.Core.Conditions;
using Shouldly;
using Xunit;
using static Medic.Core.Tests.Conditions.Conditions;

namespace Medic.Core.Tests.Conditions;

public sealed class QuantityTests
{
    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("30s", 30_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("5m", 300_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("-2s", -2_000)]
    public void Duration_literals_are_milliseconds(string text, double ms)
    {
        var value = Eval(text);

        value.Kind.ShouldBe(ValueKind.Duration);
        value.AsNumber().ShouldBe(ms);
    }

    [Theory]
    [InlineData("512B", 512)]
    [InlineData("512b", 512)]
    [InlineData("512KB", 524_288)]
    [InlineData("10MB", 10_485_760)]
    [InlineData("10mb", 10_485_760)]
    [InlineData("1GB", 1_073_741_824)]
    [InlineData("2TB", 2_199_023_255_552)]
    [InlineData("1KiB", 1024)]
    [InlineData("1MiB", 1_048_576)]
    [InlineData("1gib", 1_073_741_824)]
    [InlineData("1TiB", 1_099_511_627_776)]
    public void Size_literals_are_bytes_1024_based(string text, double bytes)
    {
        var value = Eval(text);

        value.Kind.ShouldBe(ValueKind.Size);
        value.AsNumber().ShouldBe(bytes);
    }

    [Theory]
    [InlineData("42", 42)]
    [InlineData("0.5", 0.5)]
    [InlineData("1e3", 1000)]
    [InlineData("2.5E-1", 0.25)]
    public void Number_literals_are_numbers(string text, double n)
    {
        var value = Eval(text);

        value.Kind.ShouldBe(ValueKind.Number);
        value.AsNumber().ShouldBe(n);
    }

    [Theory]
    [InlineData("5S")]
    [InlineData("5M")]
    [InlineData("1sec")]
    [InlineData("3px")]
    [InlineData("1e3x")]
    public void Other_units_are_syntax_errors(string text) => ParseError(text).Message.ShouldStartWith("unknown unit");

    [Theory]
    [InlineData(0, true)]
    [InlineData(999, true)]
    [InlineData(1000, false)]
    [InlineData(5000, false)]
    public void A_busy_timeout_in_milliseconds_compares_with_a_duration(int ms, bool below) =>
        Eval("pragma.data.busy_timeout_ms < 1s", "{\"pragma\": {\"data\": {\"busy_timeout_ms\": " + ms + "}}}").AsBool().ShouldBe(below);

    [Theory]
    [InlineData("1s + 500ms", "1.5s")]
    [InlineData("1s + 500", "1.5s")]
    [InlineData("500 + 1s", "1.5s")]
    [InlineData("2m - 30s", "1.5m")]
    [InlineData("1s * 3", "3s")]
    [InlineData("3 * 1s", "3s")]
    [InlineData("3s / 2", "1.5s")]
    [InlineData("3s / 1s", "3")]
    [InlineData("7s % 2s", "1s")]
    [InlineData("1GB / 2", "512 MB")]
    [InlineData("1KB + 512", "1.5 KB")]
    [InlineData("2KB / 1KB", "2")]
    [InlineData("1KB * 1024", "1 MB")]
    public void Durations_and_sizes_take_part_in_arithmetic(string text, string expected) => Show(text).ShouldBe(expected);

    [Fact]
    public void Sizes_compare_with_bytes() =>
        Eval("db.size > 100MB", """{"db": {"size": 209715200}}""").AsBool().ShouldBe(true);
}
