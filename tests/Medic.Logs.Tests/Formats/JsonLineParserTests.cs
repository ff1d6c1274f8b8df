using Medic.Logs.Formats;
using Shouldly;
using Xunit;

namespace Medic.Logs.Tests.Formats;

public sealed class JsonLineParserTests
{
    private readonly JsonLineParser _parser = new();

    [Fact]
    public void Reads_go_slog_with_nanosecond_duration_and_request_id()
    {
        var r = Parse.With(_parser, """{"time":"2024-01-15T10:00:00.123Z","level":"ERROR","msg":"database ping failed","error":"dial tcp 127.0.0.1:5432: connect: connection refused","request_id":"trace-123","duration":1500000000}""")!;
        r.Severity.ShouldBe(LogSeverity.Error);
        r.Message.ShouldBe("database ping failed");
        r.Timestamp.ShouldBe(Parse.Utc("2024-01-15T10:00:00.123Z"));
        r.RequestId.ShouldBe("trace-123");
        r.Duration.ShouldBe(TimeSpan.FromMilliseconds(1500));
    }

    [Fact]
    public void Reads_zap_with_epoch_seconds_and_caller()
    {
        var r = Parse.With(_parser, """{"level":"warn","ts":1705312800.5,"caller":"breaker/breaker.go:88","msg":"circuit breaker state changed","name":"github","from":"closed","to":"open"}""")!;
        r.Severity.ShouldBe(LogSeverity.Warning);
        r.Timestamp.ShouldBe(Parse.Utc("2024-01-15T10:00:00.5Z"));
        r.Component.ShouldBe("breaker/breaker.go:88");
    }

    [Fact]
    public void Reads_structlog_event_and_logger()
    {
        var r = Parse.With(_parser, """{"event":"QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00","level":"error","timestamp":"2024-01-15T10:00:00.123456Z","logger":"webmacs.db","duration_ms":30012}""")!;
        r.Message.ShouldStartWith("QueuePool limit of size 5 overflow 10 reached");
        r.Severity.ShouldBe(LogSeverity.Error);
        r.Component.ShouldBe("webmacs.db");
        r.Duration.ShouldBe(TimeSpan.FromMilliseconds(30012));
    }

    [Fact]
    public void Reads_serilog_compact_without_level_as_information()
    {
        var r = Parse.With(_parser, """{"@t":"2024-01-15T10:00:00.1234567Z","@mt":"HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms","RequestMethod":"GET","RequestPath":"/api/v1/workflows/42","StatusCode":200,"Elapsed":12.5,"RequestId":"0HMVD3K2J1Q2A:00000001"}""")!;
        r.Severity.ShouldBe(LogSeverity.Info);
        r.Message.ShouldStartWith("HTTP {RequestMethod}");
        r.Method.ShouldBe("GET");
        r.Path.ShouldBe("/api/v1/workflows/42");
        r.Status.ShouldBe(200);
        r.Duration.ShouldBe(TimeSpan.FromMilliseconds(12.5));
        r.RequestId.ShouldBe("0HMVD3K2J1Q2A:00000001");
    }

    [Fact]
    public void Reads_serilog_compact_error_level_and_rendered_message()
    {
        var r = Parse.With(_parser, """{"@t":"2024-01-15T10:00:01Z","@l":"Error","@m":"Redis connection failed","@x":"System.TimeoutException: ...","latency":"2.5s"}""")!;
        r.Severity.ShouldBe(LogSeverity.Error);
        r.Message.ShouldBe("Redis connection failed");
        r.Duration.ShouldBe(TimeSpan.FromSeconds(2.5));
    }

    [Fact]
    public void Reads_pino_numeric_levels()
    {
        Parse.With(_parser, """{"level":50,"time":1705312800000,"msg":"request failed"}""")!.Severity.ShouldBe(LogSeverity.Error);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"unterminated\": ")]
    [InlineData("[1,2,3]")]
    public void Rejects_lines_that_are_not_json_objects(string line) => Parse.With(_parser, line).ShouldBeNull();
}
