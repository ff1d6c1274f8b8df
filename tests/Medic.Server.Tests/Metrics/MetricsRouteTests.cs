using System.Net;
using Medic.Core.Model;
using Medic.Server.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Server.Tests.Metrics;

public sealed class MetricsRouteTests
{
    [Fact]
    public async Task Metrics_need_a_token_and_parse_as_prometheus_text_with_findings_histograms_and_errors()
    {
        var ct = TestContext.Current.CancellationToken;
        var system = "shop \"eu\\1\"\nwest";
        var runner = new ScriptedRunner(system);
        runner.Findings.Add(ScriptedRunner.Finding("api", "unreachable", Severity.Critical, "The service does not answer", "refused"));
        runner.Findings.Add(ScriptedRunner.Finding("cache", "unreachable", Severity.Critical, "Redis does not answer", "refused"));
        runner.Observations.Add(ScriptedRunner.Observation("api", "http.get", 3));
        runner.Observations.Add(ScriptedRunner.Observation("api", "http.get", 700));
        runner.Observations.Add(ScriptedRunner.Observation("cache", "redis.info", 20, errorKind: "refused"));
        await using var server = await RunningServer.StartAsync(runner, ct);
        using var anonymous = server.Client();
        (await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative), ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var admin = server.Client(RunningServer.AdminToken);
        var path = new Uri($"/api/systems/{Uri.EscapeDataString(system)}/diagnose", UriKind.Relative);
        (await admin.PostAsync(path, null, ct)).EnsureSuccessStatusCode();
        (await admin.PostAsync(path, null, ct)).EnsureSuccessStatusCode();

        using var reader = server.Client(RunningServer.ReadToken);
        var response = await reader.GetAsync(new Uri("/metrics", UriKind.Relative), ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/plain; version=0.0.4; charset=utf-8");
        var families = ExpositionParser.Parse(await response.Content.ReadAsStringAsync(ct));

        var open = families["medic_open_findings"];
        open.Type.ShouldBe("gauge");
        var openSample = open.Samples.ShouldHaveSingleItem();
        openSample.Labels["system"].ShouldBe(system);
        openSample.Labels["cause"].ShouldBe("unreachable");
        openSample.Labels["severity"].ShouldBe("critical");
        openSample.Value.ShouldBe(2);

        families["medic_runs_total"].Samples.ShouldHaveSingleItem().Value.ShouldBe(2);
        families["medic_runs_total"].Type.ShouldBe("counter");

        var probes = families["medic_probe_duration_seconds"];
        probes.Type.ShouldBe("histogram");
        var api = probes.Samples.Where(s => s.Labels.GetValueOrDefault("component") == "api").ToList();
        var buckets = api.Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)).ToList();
        buckets.Zip(buckets.Skip(1)).ShouldAllBe(p => p.First.Value <= p.Second.Value);
        buckets.Single(s => s.Labels["le"] == "0.005").Value.ShouldBe(2);
        buckets.Single(s => s.Labels["le"] == "0.5").Value.ShouldBe(2);
        buckets.Single(s => s.Labels["le"] == "1").Value.ShouldBe(4);
        buckets[^1].Labels["le"].ShouldBe("+Inf");
        buckets[^1].Value.ShouldBe(api.Single(s => s.Name.EndsWith("_count", StringComparison.Ordinal)).Value);
        api.Single(s => s.Name.EndsWith("_sum", StringComparison.Ordinal)).Value.ShouldBe(1.406, 1e-9);

        var errors = families["medic_probe_errors_total"].Samples.ShouldHaveSingleItem();
        errors.Labels["probe"].ShouldBe("redis.info");
        errors.Labels["kind"].ShouldBe("refused");
        errors.Value.ShouldBe(2);

        families["medic_run_duration_seconds"].Samples.Single(s => s.Name == "medic_run_duration_seconds_count").Value.ShouldBe(2);
        families["medic_store_size_bytes"].Samples.ShouldHaveSingleItem().Value.ShouldBeGreaterThan(0);
        families["medic_run_failures_total"].Samples.ShouldHaveSingleItem().Value.ShouldBe(0);
    }
}
