using Medic.Probes.Prometheus;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Prometheus;

public sealed class PrometheusTextParserTests
{
    [Fact]
    public void Groups_a_go_client_page_into_families_with_types_and_help()
    {
        var page = PrometheusTextParser.Parse(Expositions.GoClient);

        page.Errors.ShouldBeEmpty();
        page.Families.Select(f => f.Name).ShouldBe([
            "go_gc_duration_seconds", "go_goroutines", "go_info", "http_request_duration_seconds",
            "http_requests_total", "process_start_time_seconds", "process_max_fds",
        ]);
        page.SampleCount.ShouldBe(7 + 1 + 1 + 16 + 5 + 1 + 1);
        var gc = page.Find("go_gc_duration_seconds").ShouldNotBeNull();
        gc.Type.ShouldBe(MetricType.Summary);
        gc.Help.ShouldBe("A summary of the pause duration of garbage collection cycles.");
        gc.Samples.Count.ShouldBe(7);
        page.Find("go_goroutines")!.Samples.ShouldHaveSingleItem().Value.ShouldBe(42);
        page.Find("process_start_time_seconds")!.Samples[0].Value.ShouldBe(1.70123456789e+09);
        page.Find("http_requests_total")!.Type.ShouldBe(MetricType.Counter);
    }

    [Fact]
    public void Groups_a_histograms_buckets_sum_and_count_into_series()
    {
        var family = PrometheusTextParser.Parse(Expositions.GoClient).Find("http_request_duration_seconds").ShouldNotBeNull();

        family.Type.ShouldBe(MetricType.Histogram);
        family.Samples.Count.ShouldBe(16);
        var series = family.Histograms();
        series.Count.ShouldBe(2);
        series[0].Labels["handler"].ShouldBe("/api");
        series[0].Labels["le"].ShouldBeNull();
        series[0].Buckets.Select(b => b.UpperBound).ShouldBe([0.05, 0.1, 0.2, 0.5, 1, double.PositiveInfinity]);
        series[0].Buckets[^1].Count.ShouldBe(144320);
        series[0].Sum.ShouldBe(53423);
        series[0].Count.ShouldBe(144320);
        series[1].Labels["handler"].ShouldBe("/health");
        series[1].Sum.ShouldBe(1.5);
    }

    [Fact]
    public void Groups_a_summarys_quantiles_sum_and_count()
    {
        var summary = PrometheusTextParser.Parse(Expositions.GoClient).Find("go_gc_duration_seconds")!.Summaries().ShouldHaveSingleItem();

        summary.Labels.Count.ShouldBe(0);
        summary.Quantiles.Select(q => q.Key).ShouldBe([0, 0.25, 0.5, 0.75, 1]);
        summary.Quantiles[2].Value.ShouldBe(5.1833e-05);
        summary.Sum.ShouldBe(0.012440294);
        summary.Count.ShouldBe(176);
    }

    [Fact]
    public void Reads_a_node_exporter_page_with_labels_untyped_samples_and_timestamps()
    {
        var page = PrometheusTextParser.Parse(Expositions.NodeExporter);

        page.Errors.ShouldBeEmpty();
        var cpu = page.Find("node_cpu_seconds_total").ShouldNotBeNull();
        cpu.Samples.Count.ShouldBe(6);
        cpu.Samples[1].Labels.Select(l => (l.Name, l.Value)).ShouldBe([("cpu", "0"), ("mode", "iowait")]);
        page.Find("node_filesystem_avail_bytes")!.Samples[0].Labels["mountpoint"].ShouldBe("/");
        var backup = page.Find("backup_last_success_timestamp_seconds").ShouldNotBeNull();
        backup.Type.ShouldBe(MetricType.Untyped);
        backup.Help.ShouldBeNull();
        backup.Samples[0].TimestampMs.ShouldBe(1700000000000);
        backup.Samples[0].Line.ShouldBe(28);
    }

    [Fact]
    public void Unescapes_help_text_and_label_values()
    {
        var page = PrometheusTextParser.Parse("""
            # HELP odd_metric Help with a backslash \\ a newline \n and a stray \q kept.
            # TYPE odd_metric gauge
            odd_metric{path="C:\\temp",quote="say \"hi\"",multi="a\nb",empty=""} 1
            """);

        page.Errors.ShouldBeEmpty();
        var family = page.Find("odd_metric").ShouldNotBeNull();
        family.Help.ShouldBe("Help with a backslash \\ a newline \n and a stray \\q kept.");
        var labels = family.Samples[0].Labels;
        labels["path"].ShouldBe(@"C:\temp");
        labels["quote"].ShouldBe("say \"hi\"");
        labels["multi"].ShouldBe("a\nb");
        labels["empty"].ShouldBe("");
        labels.ToString().ShouldBe("""{path="C:\\temp",quote="say \"hi\"",multi="a\nb",empty=""}""");
    }

    [Theory]
    [InlineData("NaN", double.NaN)]
    [InlineData("+Inf", double.PositiveInfinity)]
    [InlineData("-Inf", double.NegativeInfinity)]
    [InlineData("Inf", double.PositiveInfinity)]
    [InlineData("1.5e3", 1500)]
    [InlineData("-2E-2", -0.02)]
    [InlineData("+7", 7)]
    [InlineData(".5", 0.5)]
    [InlineData("0", 0)]
    public void Reads_special_and_exponent_values(string text, double expected)
    {
        var page = PrometheusTextParser.Parse($"m {text}\n");
        page.Errors.ShouldBeEmpty();
        page.Find("m")!.Samples[0].Value.ShouldBe(expected);
    }

    [Fact]
    public void Tolerates_blank_lines_crlf_whitespace_and_trailing_commas()
    {
        var page = PrometheusTextParser.Parse("\r\n  # TYPE a counter\r\n\ta_total 1\r\n\nb { x = \"1\" , } 2 \t\r\n# EOF\n");
        page.Errors.ShouldBeEmpty();
        page.Find("a")!.Samples.ShouldHaveSingleItem().Name.ShouldBe("a_total");
        page.Find("b")!.Samples[0].Labels["x"].ShouldBe("1");
    }

    public static TheoryData<string, int, int, string> Malformed => new()
    {
        { "ok 1\nbad{ 1", 2, 6, "expected a label name, found '1'" },
        { "m{a=\"x} 1", 1, 5, "unterminated value for label 'a'" },
        { "m{a=\"\\x\"} 1", 1, 6, "invalid escape '\\x' in label 'a'" },
        { "m{a=1} 1", 1, 5, "expected a quoted value for label 'a'" },
        { "m{a \"1\"} 1", 1, 5, "expected '=' after label name 'a'" },
        { "m{a=\"1\" b=\"2\"} 1", 1, 9, "expected ',' or '}' after label 'a'" },
        { "m{a=\"1\",a=\"2\"} 1", 1, 9, "label 'a' appears twice" },
        { "m{9a=\"1\"} 1", 1, 3, "expected a label name" },
        { "m", 1, 2, "sample 'm' has no value" },
        { "m{} ", 1, 5, "sample 'm' has no value" },
        { "m abc", 1, 3, "invalid sample value 'abc'" },
        { "m 1 12.5", 1, 5, "invalid timestamp '12.5'" },
        { "m 1 2 3", 1, 7, "unexpected text after the timestamp" },
        { "m-x 1", 1, 2, "unexpected '-' in metric name 'm'" },
        { "9m 1", 1, 1, "expected a metric name, found '9'" },
        { "# TYPE m gauges", 1, 10, "unknown metric type 'gauges'" },
        { "# TYPE m", 1, 9, "# TYPE m needs a type" },
        { "# TYPE m gauge extra", 1, 16, "unexpected text after the type" },
        { "# TYPE 1m gauge", 1, 8, "invalid metric name in # TYPE line" },
        { "# HELP", 1, 7, "invalid metric name in # HELP line" },
        { "# TYPE m gauge\n# TYPE m counter", 2, 1, "second TYPE line for metric 'm'" },
        { "# HELP m a\n# HELP m b", 2, 1, "second HELP line for metric 'm'" },
        { "m 1\n# TYPE m gauge", 2, 1, "TYPE line for metric 'm' comes after its samples" },
        { "# TYPE h histogram\nh_bucket 1", 2, 1, "sample 'h_bucket' needs a 'le' label" },
        { "# TYPE h histogram\nh_bucket{le=\"x\"} 1", 2, 1, "label le=\"x\" of 'h_bucket' is not a number" },
        { "# TYPE h histogram\nh 1", 2, 1, "'h' is a histogram: its samples are h_bucket, h_sum and h_count" },
        { "# TYPE s summary\ns 1", 2, 1, "sample 's' needs a 'quantile' label" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Reports_a_malformed_line_with_its_line_and_column(string text, int line, int column, string message)
    {
        var error = PrometheusTextParser.Parse(text).FirstError.ShouldNotBeNull();
        error.Message.ShouldContain(message, Case.Sensitive);
        (error.Line, error.Column).ShouldBe((line, column), error.ToString());
    }

    [Fact]
    public void Collects_every_malformed_line_and_keeps_the_good_ones()
    {
        var page = PrometheusTextParser.Parse("a 1\nb{ 2\nc 3\nd x\ne 5\n");

        page.Errors.Select(e => e.Line).ShouldBe([2, 4]);
        page.FirstError!.Line.ShouldBe(2);
        page.Families.Select(f => f.Name).ShouldBe(["a", "c", "e"]);
    }

    [Fact]
    public void Parses_a_ten_thousand_series_page()
    {
        var lines = new List<string> { "# HELP big_total Many series.", "# TYPE big_total counter" };
        for (var i = 0; i < 10_000; i++)
        {
            lines.Add($"big_total{{shard=\"{i % 100}\",instance=\"host-{i}\"}} {i}.5 1700000000{i % 1000:000}");
        }

        var page = PrometheusTextParser.Parse(string.Join('\n', lines));

        page.Errors.ShouldBeEmpty();
        var family = page.Find("big_total").ShouldNotBeNull();
        family.Samples.Count.ShouldBe(10_000);
        family.Samples[^1].Value.ShouldBe(9999.5);
        page.Select(Selector.Parse("big_total{shard=\"7\"}")).Count().ShouldBe(100);
    }
}
