using FsCheck;
using FsCheck.Fluent;
using Medic.Probes.Prometheus;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Prometheus;

/// <summary>No page and no selector text makes the parsers throw; bad lines become positioned errors.</summary>
public sealed class PrometheusPropertyTests
{
    private static readonly string[] Fragments =
    [
        "# HELP ", "# TYPE ", "#", " ", "\t", "\n", "\r\n", "m", "m_bucket", "m_sum", "m_count", "_total", "{", "}", "=",
        "!=", "=~", "!~", ",", "\"", "'", "\\", "\\n", "\\\"", "le", "quantile", "+Inf", "-Inf", "NaN", "1", "0.5", "1e3",
        "-", "counter", "gauge", "histogram", "summary", "untyped", "(", ")", "[", ".*", "😀", "\u0000", ":",
    ];

    private static readonly Gen<string> Text = Gen.Elements(Fragments).ListOf().Select(parts => string.Concat(parts));

    [Fact]
    public void Any_page_parses_with_errors_inside_its_lines()
    {
        Prop.ForAll(Text.ToArbitrary(), text =>
        {
            var page = PrometheusTextParser.Parse(text);
            var lineCount = text.Split('\n').Length;
            foreach (var error in page.Errors)
            {
                error.Line.ShouldBeInRange(1, lineCount);
                error.Column.ShouldBeGreaterThanOrEqualTo(1);
            }

            foreach (var family in page.Families)
            {
                _ = family.Histograms().Select(h => h.Quantile(0.5)).ToList();
                _ = family.Summaries();
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Any_selector_text_parses_or_gives_a_reason()
    {
        Prop.ForAll(Text.ToArbitrary(), text =>
        {
            if (!Selector.TryParse(text, out var selector, out var error))
            {
                error.ShouldNotBeNullOrWhiteSpace();
                return;
            }

            _ = selector.ToString();
        }).QuickCheckThrowOnFailure();
    }
}
