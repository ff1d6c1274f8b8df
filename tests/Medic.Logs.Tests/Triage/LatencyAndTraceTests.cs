using Medic.Logs.Formats;
using Medic.Logs.Triage;
using Shouldly;
using Xunit;
using static Medic.Logs.Tests.Triage.Records;

namespace Medic.Logs.Tests.Triage;

public sealed class LatencyAndTraceTests
{
    [Fact]
    public void Percentiles_are_within_one_percent()
    {
        var h = new LatencyHistogram();
        for (var i = 1; i <= 1000; i++)
        {
            h.Add(i);
        }

        h.Percentile(0.5).ShouldBe(500, 5);
        h.Percentile(0.95).ShouldBe(950, 9.5);
        h.Percentile(0.99).ShouldBe(990, 9.9);
        h.MaxMs.ShouldBe(1000);
        h.Count.ShouldBe(1000);
    }

    [Fact]
    public void Slow_requests_are_grouped_by_method_and_route_with_ids_normalised()
    {
        var analyzer = new LogAnalyzer(new TriageOptions { Slowest = 2 });
        for (var i = 0; i < 20; i++)
        {
            analyzer.Add(Make("request completed", ms: 10 + i, path: $"/api/v1/users/{i}"));
        }

        analyzer.Add(Make("request completed", ms: 5000, path: "/api/v1/export?all=1", requestId: "req-9"));
        analyzer.Add(Make("query took long", ms: 900));
        var slow = analyzer.Report().Slow!;
        slow.Overall.Count.ShouldBe(22);
        slow.Routes.Select(r => r.Route).ShouldBe(["GET /api/v1/export", "query took long", "GET /api/v1/users/:id"]);
        slow.Routes[2].Count.ShouldBe(20);
        slow.Slowest.Select(s => s.DurationMs).ShouldBe([5000d, 900]);
        slow.Slowest[0].RequestId.ShouldBe("req-9");
    }

    [Fact]
    public void A_trace_merges_files_by_timestamp_and_keeps_lines_without_one_after_their_record()
    {
        var tracer = new RequestTracer("trace-123");
        tracer.Add(Make("api start", minute: 1, source: "api.log", line: 1, requestId: "trace-123"));
        tracer.Add(Make("other request", minute: 2, source: "api.log", line: 2, requestId: "trace-999"));
        var stack = Make("  at handler trace-123", minute: 0, source: "api.log", line: 4);
        stack.Timestamp = null;
        tracer.Add(Make("api failed", LogSeverity.Error, minute: 5, source: "api.log", line: 3, requestId: "trace-123"));
        tracer.Add(stack);
        tracer.Add(Make("nginx saw trace-123", minute: 3, source: "nginx.log", line: 7));
        tracer.Hits().Select(h => $"{h.Source}:{h.Line}").ShouldBe(["api.log:1", "nginx.log:7", "api.log:3", "api.log:4"]);
    }
}
