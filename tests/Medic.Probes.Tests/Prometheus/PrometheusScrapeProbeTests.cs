using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Core.Systems;
using Medic.Probes.Prometheus;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Prometheus;

public sealed class PrometheusScrapeProbeTests(MetricsServer server) : IClassFixture<MetricsServer>
{
    private readonly PrometheusScrapeProbe _probe = new();

    private Task<ProbeResult> Scrape(string path, JsonObject? args = null, TimeSpan? timeout = null, CancellationToken? cancel = null) =>
        ScrapeUrl(server.BaseUrl + path, args, timeout, cancel);

    private Task<ProbeResult> ScrapeUrl(string url, JsonObject? args = null, TimeSpan? timeout = null, CancellationToken? cancel = null)
    {
        var component = new Component("metrics", "prometheus", new JsonObject { ["url"] = url }, Path.GetTempPath(), SourcePosition.Start("medic.yaml"));
        var context = new ProbeContext(component, args ?? [], timeout ?? TimeSpan.FromSeconds(5), TimeProvider.System);
        return _probe.RunAsync(context, cancel ?? TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Reports_every_family_of_a_page_when_no_metrics_are_named()
    {
        var result = await Scrape("/metrics");

        result.Error.ShouldBeNull();
        var data = result.Data.ShouldBeOfType<JsonObject>();
        data["url"]!.GetValue<string>().ShouldBe(server.BaseUrl + "/metrics");
        data["status_code"]!.GetValue<int>().ShouldBe(200);
        data["families_count"]!.GetValue<int>().ShouldBe(7);
        data["series_count"]!.GetValue<int>().ShouldBe(32);
        data["parse_error"].ShouldBeNull();
        var metrics = data["metrics"]!.AsObject();
        metrics.Select(m => m.Key).ShouldBe([
            "go_gc_duration_seconds", "go_goroutines", "go_info", "http_request_duration_seconds",
            "http_requests_total", "process_start_time_seconds", "process_max_fds",
        ]);
        var histogram = metrics["http_request_duration_seconds"]!;
        histogram["type"]!.GetValue<string>().ShouldBe("histogram");
        histogram["help"]!.GetValue<string>().ShouldBe("A histogram of the request duration.");
        histogram["series_count"]!.GetValue<int>().ShouldBe(2);
        histogram["total"]!.GetValue<double>().ShouldBe(144420);

        // Both handlers' buckets summed by le: rank 72210 falls in (0.1, 0.2], 38666 of the 66948 there.
        histogram["quantiles"]!["0.5"]!.GetValue<double>().ShouldBe(0.1 + (0.1 * 38666 / 66948), 1e-12);
        histogram["quantiles"]!["0.99"]!.GetValue<double>().ShouldBe(1);
        var api = histogram["series"]![0]!;
        api["labels"]!["handler"]!.GetValue<string>().ShouldBe("/api");
        api["count"]!.GetValue<double>().ShouldBe(144320);
        api["buckets"]![5]!["le"]!.GetValue<string>().ShouldBe("+Inf");
        api["quantiles"]!["0.9"]!.GetValue<double>().ShouldBe(0.5 + (0.5 * 499 / 4599), 1e-12);
        _ = data.ToJsonString();
    }

    [Fact]
    public async Task Reports_named_metrics_selectors_and_aliases()
    {
        var result = await Scrape("/metrics", new JsonObject
        {
            ["metrics"] = new JsonArray(
                "errors = http_requests_total{code=~\"5..\"}",
                "go_goroutines",
                "go_gc_duration_seconds",
                "http_request_duration_seconds{handler=\"/health\"}",
                "absent_metric"),
            ["quantiles"] = new JsonArray(0.5, 0.99, 1),
        });

        result.Error.ShouldBeNull();
        var metrics = result.Data!["metrics"]!;
        var errors = metrics["errors"]!;
        errors["type"]!.GetValue<string>().ShouldBe("counter");
        errors["total"]!.GetValue<double>().ShouldBe(16);
        errors["series_count"]!.GetValue<int>().ShouldBe(2);
        errors["series"]![0]!["labels"]!["code"]!.GetValue<string>().ShouldBe("500");
        errors["series"]![0]!["value"]!.GetValue<double>().ShouldBe(12);
        metrics["go_goroutines"]!["series"]![0]!["value"]!.GetValue<double>().ShouldBe(42);
        var gc = metrics["go_gc_duration_seconds"]!;
        gc["type"]!.GetValue<string>().ShouldBe("summary");
        gc["quantiles"]!["0.5"]!.GetValue<double>().ShouldBe(5.1833e-05);
        gc["series"]![0]!["count"]!.GetValue<double>().ShouldBe(176);

        // All 100 health checks took at most 50 ms, spread evenly over (0, 0.05] by interpolation.
        var health = metrics["http_request_duration_seconds"]!;
        health["series_count"]!.GetValue<int>().ShouldBe(1);
        health["quantiles"]!["0.5"]!.GetValue<double>().ShouldBe(0.025, 1e-12);
        health["quantiles"]!["0.99"]!.GetValue<double>().ShouldBe(0.0495, 1e-12);
        health["quantiles"]!["1"]!.GetValue<double>().ShouldBe(0.05, 1e-12);
        var absent = metrics["absent_metric"]!;
        absent["found"]!.GetValue<bool>().ShouldBeFalse();
        absent["type"].ShouldBeNull();
        absent["series_count"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Lists_at_most_max_series_but_counts_them_all()
    {
        var result = await Scrape("/node", new JsonObject { ["metrics"] = new JsonArray("node_cpu_seconds_total"), ["max_series"] = 2 });

        var cpu = result.Data!["metrics"]!["node_cpu_seconds_total"]!;
        cpu["series_count"]!.GetValue<int>().ShouldBe(6);
        cpu["series"]!.AsArray().Count.ShouldBe(2);
        cpu["truncated"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task A_malformed_page_is_ok_with_the_parse_error_and_the_readable_metrics()
    {
        var result = await Scrape("/malformed");

        result.Error.ShouldBeNull();
        var data = result.Data!;
        var error = data["parse_error"].ShouldBeOfType<JsonObject>();
        error["line"]!.GetValue<int>().ShouldBe(4);
        error["column"]!.GetValue<int>().ShouldBe(21);
        error["message"]!.GetValue<string>().ShouldContain("unterminated value for label 'label'");
        data["parse_errors_count"]!.GetValue<int>().ShouldBe(1);
        data["metrics"]!["up"]!["series"]![0]!["value"]!.GetValue<double>().ShouldBe(1);
        data["metrics"]!["requests_total"]!["total"]!.GetValue<double>().ShouldBe(17);
    }

    [Fact]
    public async Task An_error_status_is_a_classified_failure_that_keeps_the_status_code()
    {
        var missing = await Scrape("/nothing-here");
        missing.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.NotFound);
        missing.Error.Message.ShouldContain("HTTP 404");
        missing.Data!["status_code"]!.GetValue<int>().ShouldBe(404);

        (await Scrape("/forbidden")).Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.AuthFailed);
    }

    [Fact]
    public async Task A_closed_port_is_connection_refused()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await ScrapeUrl($"http://127.0.0.1:{port}/metrics");

        result.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.ConnectionRefused);
        result.Data!["url"]!.GetValue<string>().ShouldBe($"http://127.0.0.1:{port}/metrics");
    }

    [Fact]
    public async Task An_endpoint_that_never_answers_times_out_within_the_budget()
    {
        var watch = Stopwatch.StartNew();
        var result = await Scrape("/slow", timeout: TimeSpan.FromMilliseconds(300));

        result.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.Timeout);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Cancellation_is_let_through()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromMilliseconds(200));
        await Should.ThrowAsync<OperationCanceledException>(() => Scrape("/slow", cancel: cts.Token));
    }

    [Theory]
    [InlineData("metrics", "[\"m{code=\"]", "metrics: ")]
    [InlineData("metrics", "[\"{code=\\\"1\\\"}\"]", "name it with alias=selector")]
    [InlineData("metrics", "[\"a{x=\\\"1\\\"}\", \"a{x=\\\"2\\\"}\"]", "two entries are both named 'a'")]
    [InlineData("quantiles", "[0.5, 1.5]", "quantiles: '1.5' is not a number between 0 and 1")]
    [InlineData("quantiles", "[\"high\"]", "quantiles:")]
    [InlineData("max_series", "-1", "max_series must not be negative")]
    public async Task Rejects_invalid_arguments_before_scraping(string name, string json, string message)
    {
        var result = await Scrape("/metrics", new JsonObject { [name] = JsonNode.Parse(json) });

        result.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.InvalidArgument);
        result.Error.Message.ShouldContain(message);
    }

    [Fact]
    public async Task A_component_without_an_http_url_is_an_invalid_argument()
    {
        (await ScrapeUrl("redis://127.0.0.1:6379")).Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.InvalidArgument);
    }

    [Fact]
    public void Is_registered_for_the_prometheus_kind()
    {
        var probe = BuiltInProbes.Registry().Find("prometheus.scrape").ShouldNotBeNull();
        probe.Kinds.ShouldBe(["prometheus"]);
        probe.Parameters.Select(p => p.Name).ShouldBe(["metrics", "quantiles", "max_series"]);
    }
}
