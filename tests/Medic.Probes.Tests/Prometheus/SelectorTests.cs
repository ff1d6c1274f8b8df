using Medic.Probes.Prometheus;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Prometheus;

public sealed class SelectorTests
{
    private static readonly Exposition Page = PrometheusTextParser.Parse(Expositions.GoClient);

    private static List<string> Codes(string selector) =>
        [.. Page.Select(Selector.Parse(selector)).Select(m => $"{m.Sample.Labels["code"]}/{m.Sample.Labels["method"]}")];

    [Theory]
    [InlineData("http_requests_total", "200/get,200/post,500/get,503/post,404/get")]
    [InlineData("http_requests_total{code=\"200\"}", "200/get,200/post")]
    [InlineData("http_requests_total{code!=\"200\"}", "500/get,503/post,404/get")]
    [InlineData("http_requests_total{code=~\"5..\"}", "500/get,503/post")]
    [InlineData("http_requests_total{code!~\"5..|404\"}", "200/get,200/post")]
    [InlineData("http_requests_total{code=~\"5..\", method=\"post\"}", "503/post")]
    [InlineData("http_requests_total{code=~'2.*',}", "200/get,200/post")]
    [InlineData("http_requests_total{code=~\"5\"}", "")]
    [InlineData("{__name__=\"http_requests_total\",method=\"get\"}", "200/get,500/get,404/get")]
    [InlineData("http_requests_total{missing=\"\"}", "200/get,200/post,500/get,503/post,404/get")]
    [InlineData("http_requests_total{missing!=\"\"}", "")]
    [InlineData("no_such_metric", "")]
    public void Selects_series_by_name_and_label_matchers(string selector, string expected)
    {
        string.Join(',', Codes(selector)).ShouldBe(expected);
    }

    [Fact]
    public void A_family_name_selects_a_histograms_bucket_sum_and_count_samples()
    {
        Page.Select(Selector.Parse("http_request_duration_seconds{handler=\"/api\"}")).Count().ShouldBe(8);
        Page.Select(Selector.Parse("http_request_duration_seconds_count")).Select(m => m.Sample.Value).ShouldBe([144320, 100]);
        Page.Select(Selector.Parse("http_request_duration_seconds_bucket{le=\"+Inf\"}")).Count().ShouldBe(2);
    }

    [Fact]
    public void Regex_escapes_reach_the_regex_engine()
    {
        var page = PrometheusTextParser.Parse("m{path=\"/a.json\"} 1\nm{path=\"/aXjson\"} 2\n");
        page.Select(Selector.Parse("m{path=~\"/a\\\\.json\"}")).ShouldHaveSingleItem().Sample.Value.ShouldBe(1);
        page.Select(Selector.Parse("m{path=~\"/a\\.json\"}")).ShouldHaveSingleItem().Sample.Value.ShouldBe(1);
    }

    [Theory]
    [InlineData("", "names no metric")]
    [InlineData("{}", "names no metric")]
    [InlineData("m{code}", "expected =, !=, =~ or !~ after label 'code'")]
    [InlineData("m{code=200}", "expected a quoted value")]
    [InlineData("m{code=\"200}", "unterminated quoted value")]
    [InlineData("m{code=\"200\" x=\"1\"}", "expected ',' or '}'")]
    [InlineData("m{code=~\"(\"}", "invalid regular expression for label 'code'")]
    [InlineData("m extra", "unexpected 'e' at column 3")]
    public void Rejects_malformed_selectors_with_a_reason(string text, string message)
    {
        Selector.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldContain(message);
        Should.Throw<FormatException>(() => Selector.Parse(text)).Message.ShouldContain(message);
    }

    [Fact]
    public void Prints_back_in_promql_form()
    {
        Selector.Parse("m{ a = \"x\" , b=~'y\"' }").ToString().ShouldBe("m{a=\"x\",b=~\"y\\\"\"}");
    }
}
