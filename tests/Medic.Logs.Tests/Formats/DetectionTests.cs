using System.Text;
using Medic.Logs.Formats;
using Shouldly;
using Xunit;

namespace Medic.Logs.Tests.Formats;

public sealed class DetectionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("medic-formats-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n", Encoding.UTF8);
        return path;
    }

    [Theory]
    [InlineData("""{"time":"2024-01-15T10:00:00Z","level":"INFO","msg":"server started","port":8080}""", "json")]
    [InlineData("""time=2024-01-15T10:00:00Z level=info msg="server started" port=3001""", "logfmt")]
    [InlineData("""127.0.0.1 - - [15/Jan/2024:10:00:00 +0000] "GET /health HTTP/1.1" 200 2 "-" "curl/8.5.0" 0.001""", "access")]
    [InlineData("""Jan 15 10:00:00 pma-host pma-backend[1234]: server started on :3001""", "syslog")]
    [InlineData("""2024-01-15 10:00:00,123 INFO webmacs.main: server started""", "text")]
    [InlineData("""something happened here""", "plain")]
    public void Detects_the_format_from_the_first_lines(string line, string format)
    {
        var reader = new LogFileReader(Write("a.log", line, line));
        reader.Records().Count().ShouldBe(2);
        reader.FormatName.ShouldBe(format);
    }

    [Fact]
    public void A_traceback_continues_the_record_before_it()
    {
        var path = Write("app.log",
            "2024-01-15 10:00:00,123 ERROR webmacs.db: query failed",
            "Traceback (most recent call last):",
            "  File \"/app/db.py\", line 10, in run",
            "sqlite3.OperationalError: database is locked",
            "2024-01-15 10:00:01,000 INFO webmacs.main: retrying");
        var records = new LogFileReader(path).Records().ToList();
        records.Select(r => r.IsContinuation).ShouldBe([false, true, true, true, false]);
        records[2].Severity.ShouldBe(LogSeverity.Error);
        records[2].Timestamp.ShouldBe(records[0].Timestamp);
        records.Select(r => r.LineNumber).ShouldBe([1L, 2, 3, 4, 5]);
    }

    [Fact]
    public void A_file_mixing_json_and_text_lines_reads_both()
    {
        var path = Write("mixed.log",
            """{"time":"2024-01-15T10:00:00Z","level":"INFO","msg":"started"}""",
            """{"time":"2024-01-15T10:00:01Z","level":"INFO","msg":"ready"}""",
            "2024-01-15 10:00:02,000 ERROR webmacs.db: QueuePool limit of size 5 overflow 10 reached",
            "sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached");
        var records = new LogFileReader(path).Records().ToList();
        records[2].IsContinuation.ShouldBeFalse();
        records[2].Severity.ShouldBe(LogSeverity.Error);
        records[2].Component.ShouldBe("webmacs.db");
        records[3].IsContinuation.ShouldBeTrue();
    }

    [Fact]
    public void A_given_line_format_overrides_detection()
    {
        var reader = new LogFileReader(Write("a.log", "081109 203615 148 INFO dfs.DataNode: x"), new LineFormatParser("<Date> <Time> <Pid> <Level> <Component>: <Content>"));
        reader.Records().Single().Message.ShouldBe("x");
        reader.FormatName.ShouldBe("line-format");
    }

    [Theory]
    [InlineData("1.5ms", 1.5)]
    [InlineData("2m3s", 123000)]
    [InlineData("250µs", 0.25)]
    [InlineData("1h", 3600000)]
    public void Reads_durations_with_units(string text, double ms) =>
        DurationValue.Parse("duration", text).ShouldBe(TimeSpan.FromMilliseconds(ms));

    [Theory]
    [InlineData("latency_us", "1500", 1.5)]
    [InlineData("request_time", "0.25", 250)]
    [InlineData("took", "30", 30)]
    [InlineData("elapsed_seconds", "2", 2000)]
    public void Reads_bare_durations_by_the_unit_in_the_key(string key, string value, double ms) =>
        DurationValue.Parse(key, value).ShouldBe(TimeSpan.FromMilliseconds(ms));

    [Theory]
    [InlineData("/api/v1/users/42/orders", "/api/v1/users/:id/orders")]
    [InlineData("/api/v1/workflows/3fa85f64-5717-4562-b3fc-2c963f66afa6?x=1", "/api/v1/workflows/:id")]
    [InlineData("/health", "/health")]
    [InlineData("/v2/54fadb412c4e40cdbaed9335e4c35a9e/servers/detail", "/v2/:id/servers/detail")]
    public void Normalises_ids_in_paths(string path, string route) => PathNormaliser.Normalise(path).ShouldBe(route);
}
