using Medic.Probes.Nats;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Nats;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("0s", 0)]
    [InlineData("0", 0)]
    [InlineData("350µs", 0.35)]
    [InlineData("350us", 0.35)]
    [InlineData("1.5ms", 1.5)]
    [InlineData("2s", 2000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1h2m3.5s", 3_723_500)]
    [InlineData("3d4h", 273_600_000)]
    [InlineData("1y2d", 31_708_800_000)]
    [InlineData("250ns", 0.00025)]
    public void Reads_the_durations_nats_server_prints(string text, double ms) =>
        GoDuration.Milliseconds(text).ShouldNotBeNull().ShouldBe(ms, 0.0001);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("5 parsecs")]
    [InlineData("1.2.3s")]
    public void Returns_null_for_what_is_not_a_duration(string? text) => GoDuration.Milliseconds(text).ShouldBeNull();
}
