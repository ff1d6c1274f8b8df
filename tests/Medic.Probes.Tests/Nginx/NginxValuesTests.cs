using Medic.Probes.Nginx;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Nginx;

public sealed class NginxValuesTests
{
    [Theory]
    [InlineData("60", 60_000)]
    [InlineData("0", 0)]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("5m", 300_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("1w", 604_800_000)]
    [InlineData("86400s", 86_400_000)]
    [InlineData("1h 30m", 5_400_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("1m 30s 250ms", 90_250)]
    [InlineData("5s ", 5_000)]
    public void Reads_durations_as_nginx_does(string text, long ms)
    {
        NginxValues.TryParseDuration(text, out var value).ShouldBeTrue();
        value.ShouldBe(ms);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1y")]
    [InlineData("1M")]
    [InlineData("1.5s")]
    [InlineData("10S")]
    [InlineData("1m 1h")]
    [InlineData("1d 1d")]
    [InlineData(" 5s")]
    [InlineData("5 s")]
    [InlineData("ms")]
    [InlineData("-1s")]
    public void Refuses_durations_nginx_refuses(string text)
    {
        NginxValues.TryParseDuration(text, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("1024", 1024)]
    [InlineData("8k", 8192)]
    [InlineData("8K", 8192)]
    [InlineData("1m", 1_048_576)]
    [InlineData("500M", 524_288_000)]
    [InlineData("2g", 2_147_483_648)]
    public void Reads_sizes_as_nginx_does(string text, long bytes)
    {
        NginxValues.TryParseSize(text, out var value).ShouldBeTrue();
        value.ShouldBe(bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("1t")]
    [InlineData("1mb")]
    [InlineData("1.5m")]
    [InlineData("-1")]
    [InlineData("99999999999g")]
    public void Refuses_sizes_nginx_refuses(string text)
    {
        NginxValues.TryParseSize(text, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("on", true)]
    [InlineData("OFF", false)]
    [InlineData("yes", null)]
    public void Reads_flags(string text, bool? flag)
    {
        NginxValues.Flag(text).ShouldBe(flag);
    }
}
