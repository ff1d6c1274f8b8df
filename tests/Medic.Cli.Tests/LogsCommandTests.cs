using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Shouldly;
using Xunit;

namespace Medic.Cli.Tests;

public sealed class LogsCommandTests : IDisposable
{
    private const string Api = """
        {"time":"2024-01-15T10:00:01Z","level":"INFO","msg":"request completed","method":"GET","path":"/api/v1/workflows/12","duration":"12ms","request_id":"req-1"}
        {"time":"2024-01-15T10:00:02Z","level":"ERROR","msg":"database ping failed","error":"dial tcp 10.0.0.5:5432: i/o timeout","request_id":"trace-123"}
        {"time":"2024-01-15T10:01:03Z","level":"INFO","msg":"request completed","method":"GET","path":"/api/v1/workflows/13","duration":"2.5s","request_id":"trace-123"}
        {"time":"2024-01-15T10:02:04Z","level":"WARN","msg":"circuit breaker state changed","name":"github","from":"closed","to":"open"}
        {"time":"2024-01-15T10:02:05Z","level":"ERROR","msg":"database ping failed","error":"dial tcp 10.0.0.5:5432: i/o timeout","request_id":"req-7"}
        """;

    private const string Proxy = """
        10.0.0.9 - - [15/Jan/2024:10:00:30 +0000] "GET /api/v1/workflows/13 HTTP/1.1" 200 512 "-" "curl/8.5.0" 2.510 trace-123
        10.0.0.9 - - [15/Jan/2024:10:01:30 +0000] "GET /health HTTP/1.1" 504 0 "-" "curl/8.5.0" 60.000 req-8
        """;

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Text_report_lists_error_templates_first_with_their_runbook_and_a_timeline()
    {
        var api = _dir.Write("api.log", Api);
        var run = await CliRun.RunAsync("logs", api);
        run.ExitCode.ShouldBe(1, run.Stderr);
        var lines = run.Stdout.Split('\n');
        var firstTemplate = Array.FindIndex(lines, l => l.StartsWith("ERROR", StringComparison.Ordinal));
        lines[firstTemplate].ShouldContain("×2  database ping failed");
        run.Stdout.ShouldContain("↳ codeai.database-connection-failures");
        run.Stdout.ShouldContain("↳ codeai.circuit-breaker-open");
        run.Stdout.ShouldContain("5 records · 2 errors · 1 warnings");
        run.Stdout.ShouldContain("errors   █ █  peak 1/min");
    }

    [Fact]
    public async Task Json_report_has_the_schema_templates_and_latency_of_all_files()
    {
        var api = _dir.Write("logs/api.log", Api);
        _dir.Write("logs/proxy.log", Proxy);
        var run = await CliRun.RunAsync("logs", Path.Combine(_dir.Path, "logs", "*.log"), "--format", "json");
        run.ExitCode.ShouldBe(1, run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        root.GetProperty("schema").GetString().ShouldBe("medic.logs/v1");
        root.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("format").GetString()).ShouldBe(["json", "access"]);
        root.GetProperty("records").GetInt64().ShouldBe(7);
        var first = root.GetProperty("templates")[0];
        first.GetProperty("worst").GetString().ShouldBe("error");
        first.GetProperty("first_at").GetString().ShouldBe($"{api}:2");
        var slow = root.GetProperty("slow");
        slow.GetProperty("overall").GetProperty("count").GetInt64().ShouldBe(4);
        slow.GetProperty("slowest")[0].GetProperty("duration_ms").GetDouble().ShouldBe(60000);
    }

    [Fact]
    public async Task Trace_follows_a_request_id_across_files_in_time_order()
    {
        var api = _dir.Write("api.log", Api);
        var proxy = _dir.Write("proxy.log.gz", "");
        await using (var gz = new GZipStream(File.Create(proxy), CompressionLevel.Fastest))
        {
            await gz.WriteAsync(Encoding.UTF8.GetBytes(Proxy + "\n"), TestContext.Current.CancellationToken);
        }

        var run = await CliRun.RunAsync("logs", api, proxy, "--trace", "trace-123");
        run.ExitCode.ShouldBe(0, run.Stderr);
        var where = run.Stdout.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(".log", StringComparison.Ordinal) && l.StartsWith("2024", StringComparison.Ordinal)).ToList();
        where.Count.ShouldBe(3);
        where[0].ShouldEndWith($"{api}:2");
        where[1].ShouldEndWith($"{proxy}:1");
        where[2].ShouldEndWith($"{api}:3");
    }

    [Fact]
    public async Task Slow_shows_percentiles_per_route_and_the_slowest_requests()
    {
        var proxy = _dir.Write("proxy.log", Proxy);
        var run = await CliRun.RunAsync("logs", proxy, "--slow", "--format", "markdown");
        run.ExitCode.ShouldBe(1, run.Stderr);
        run.Stdout.ShouldContain("| `GET /health` | 1 |");
        run.Stdout.ShouldContain("| `GET /api/v1/workflows/:id` | 1 |");
        run.Stdout.ShouldContain("| 60 s | `GET /health 504` |");
    }

    [Fact]
    public async Task Emit_templates_writes_a_row_per_input_line_and_baseline_shows_new_templates()
    {
        var old = _dir.Write("old.log", string.Join('\n', Api.Split('\n').Where(l => l.Contains("INFO", StringComparison.Ordinal))));
        var api = _dir.Write("api.log", Api);
        var csv = Path.Combine(_dir.Path, "out.csv");
        var run = await CliRun.RunAsync("logs", api, "--emit-templates", csv, "--baseline", old, "--format", "json");
        run.ExitCode.ShouldBe(1, run.Stderr);
        var rows = await File.ReadAllLinesAsync(csv, TestContext.Current.CancellationToken);
        rows.Length.ShouldBe(6);
        rows[0].ShouldBe("LineId,EventTemplate");
        rows[2].ShouldBe("2,database ping failed");
        rows[5].ShouldBe("5,database ping failed");
        using var doc = JsonDocument.Parse(run.Stdout);
        var changes = doc.RootElement.GetProperty("baseline").EnumerateArray().ToList();
        changes.Select(c => c.GetProperty("template").GetString()).ShouldContain("database ping failed");
        changes.ShouldAllBe(c => c.GetProperty("template").GetString() != "request completed");
    }

    [Fact]
    public async Task A_clean_log_exits_zero()
    {
        var api = _dir.Write("ok.log", "2024-01-15 10:00:00,000 INFO app.main: started\n2024-01-15 10:00:01,000 INFO app.main: ready\n");
        var run = await CliRun.RunAsync("logs", api);
        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stdout.ShouldContain("0 errors");
    }

    [Theory]
    [InlineData("--line-format", "<Date> <Time <Content>", "--line-format:1:8: error: '<' at column 8 has no closing '>'")]
    [InlineData("--mask", "([a-z", "--mask:1:")]
    [InlineData("--since", "yesterday-ish", "--since:1:1: error: 'yesterday-ish' is neither a time")]
    [InlineData("--format", "yaml", "--format:1:1: error: unknown format 'yaml'")]
    public async Task Bad_options_name_the_option_and_exit_2(string option, string value, string message)
    {
        var api = _dir.Write("api.log", Api);
        var run = await CliRun.RunAsync("logs", api, option, value);
        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain(message);
        run.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task Missing_files_and_bad_bytes_are_clear_errors_with_exit_2()
    {
        var missing = await CliRun.RunAsync("logs", Path.Combine(_dir.Path, "nope.log"));
        missing.ExitCode.ShouldBe(2);
        missing.Stderr.ShouldContain("nope.log: no such file");

        var glob = await CliRun.RunAsync("logs", Path.Combine(_dir.Path, "*.nothing"));
        glob.ExitCode.ShouldBe(2);
        glob.Stderr.ShouldContain("*.nothing: no file matches");

        var binary = Path.Combine(_dir.Path, "bin.log");
        await File.WriteAllBytesAsync(binary, [.. "ok line\nbad "u8.ToArray(), 0xff, 0xfe, (byte)'\n'], TestContext.Current.CancellationToken);
        var bad = await CliRun.RunAsync("logs", binary);
        bad.ExitCode.ShouldBe(2);
        bad.Stderr.ShouldContain($"{binary}:2:5: invalid UTF-8");
    }

    [Fact]
    public async Task Emit_templates_into_a_missing_folder_is_refused_before_reading()
    {
        var api = _dir.Write("api.log", Api);
        var run = await CliRun.RunAsync("logs", api, "--emit-templates", Path.Combine(_dir.Path, "no", "such", "out.csv"));
        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("--emit-templates:1:1: error:");
    }
}
