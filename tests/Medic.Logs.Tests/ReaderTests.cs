using Medic.Logs.Formats;
using System.IO.Compression;
using System.Text;
using Shouldly;
using Xunit;

namespace Medic.Logs.Tests;

public sealed class ReaderTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("medic-logs-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Gzip(string text)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, true))
        {
            gz.Write(Encoding.UTF8.GetBytes(text));
        }
        return ms.ToArray();
    }

    [Fact]
    public void Reused_records_read_each_line_as_new_records_do()
    {
        // text and JSON lines mixed, a stack trace continuing a record, a line only the plain parser reads
        var text = string.Join('\n',
            "2024-01-15 10:00:00,001 ERROR [worker-1] app.jobs: job 7 failed request_id=abc",
            "Traceback (most recent call last):",
            "  File \"/srv/app/jobs.py\", line 12, in run",
            "{\"time\":\"2024-01-15T10:00:01Z\",\"level\":\"warn\",\"msg\":\"slow\",\"service\":\"api\",\"request_id\":\"r-1\",\"duration_ms\":812.5}",
            "  continued after JSON",
            "2024-01-15 10:00:02,000 INFO scheduler - tick",
            "",
            "{\"time\":\"2024-01-15T10:00:03Z\",\"level\":\"error\",\"msg\":\"esc \\\"q\\\"\",\"request_id\":\"r-2\"}");
        var path = Write("mixed.log", Encoding.UTF8.GetBytes(text));
        static string Show(LogRecord r) =>
            $"{r.LineNumber}|{r.Line}|{r.Message}|{r.Timestamp}|{r.Severity}|{r.Component}|{r.Duration}|{r.RequestId}|{r.Method}|{r.Path}|{r.Status}|{r.IsContinuation}";
        var fresh = new LogFileReader(path).Records().Select(Show).ToList();
        var reused = new LogFileReader(path).Records(reuse: true).Select(Show).ToList();
        reused.ShouldBe(fresh);
        fresh.Count.ShouldBe(8);
        fresh[2].ShouldEndWith("|Error|app.jobs||||||True"); // the traceback line takes the record before it
    }

    [Fact]
    public void Reads_plain_lines_and_strips_cr()
    {
        var path = Write("a.log", Encoding.UTF8.GetBytes("one\r\ntwo\nthree"));
        LogLineReader.ReadLines(path).ToList().ShouldBe(["one", "two", "three"]);
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_first_line()
    {
        var path = Write("bom.log", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("one\n\uFEFFtwo\n")]);
        LogLineReader.ReadLines(path).ToList().ShouldBe(["one", "\uFEFFtwo"]);
    }

    [Fact]
    public void Reads_multi_member_gzip_without_reporting_truncation()
    {
        var path = Write("a.log.gz", [.. Gzip("one\n"), .. Gzip("two\n")]);
        LogLineReader.ReadLines(path).ToList().ShouldBe(["one", "two"]);
    }

    [Fact]
    public void Truncated_gzip_is_a_clear_error_naming_the_file()
    {
        var full = Gzip(string.Concat(Enumerable.Repeat("a fairly long line of log text 123\n", 2000)));
        var path = Write("cut.log.gz", full[..(full.Length / 2)]);
        var e = Should.Throw<LogInputException>(() => LogLineReader.ReadLines(path).ToList());
        e.Message.ShouldContain("cut.log.gz");
    }

    [Fact]
    public void Truncated_gzip_names_the_line_where_data_stops()
    {
        var full = Gzip(string.Concat(Enumerable.Range(0, 20000).Select(i => $"line {i} of a log with some text\n")));
        var path = Write("cut.log.gz", full[..(full.Length * 3 / 4)]);
        var lines = 0;
        var e = Should.Throw<LogInputException>(() =>
        {
            foreach (var unused in LogLineReader.ReadLines(path))
            {
                lines++;
            }
        });
        lines.ShouldBeGreaterThan(0);
        e.Message.ShouldBe($"{path}:{lines + 1}: truncated gzip stream (the file ends inside compressed data)");
    }

    [Fact]
    public void Gzip_missing_its_trailer_is_reported_as_truncated()
    {
        var full = Gzip("one\ntwo\n");
        var path = Write("notrailer.log.gz", full[..^8]);
        var e = Should.Throw<LogInputException>(() => LogLineReader.ReadLines(path).ToList());
        e.Message.ShouldContain("notrailer.log.gz:");
        e.Message.ShouldContain("truncated gzip stream");
    }

    [Fact]
    public void Truncated_second_member_of_a_multi_member_gzip_is_reported()
    {
        var second = Gzip(string.Concat(Enumerable.Repeat("second member line 42\n", 5000)));
        var path = Write("multi.log.gz", [.. Gzip("one\n"), .. second[..(second.Length / 2)]]);
        var e = Should.Throw<LogInputException>(() => LogLineReader.ReadLines(path).ToList());
        e.Message.ShouldContain("truncated gzip stream");
    }

    [Fact]
    public void Gzip_is_recognised_by_its_magic_bytes_without_the_extension()
    {
        var path = Write("rotated.log.1", [.. Gzip("one\n"), .. Gzip("two\n")]);
        LogLineReader.ReadLines(path).ToList().ShouldBe(["one", "two"]);
    }

    [Fact]
    public void Stdin_is_read_from_the_given_stream()
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes("a\nb\n"));
        LogLineReader.ReadLines("-", input).ToList().ShouldBe(["a", "b"]);
    }

    [Fact]
    public void Invalid_utf8_is_a_clear_error_with_line_and_column()
    {
        var path = Write("bad.log", [.. Encoding.UTF8.GetBytes("ok\nab"), 0xC3, 0x28, (byte)'\n']);
        var e = Should.Throw<LogInputException>(() => LogLineReader.ReadLines(path).ToList());
        e.Message.ShouldBe($"{path}:2:3: invalid UTF-8 (byte 0xC3)");
    }

    [Fact]
    public void Multibyte_utf8_split_across_buffer_reads_is_decoded()
    {
        var text = string.Concat(Enumerable.Range(0, 30000).Select(i => $"zürich {i} ✓\n"));
        var path = Write("utf8.log", Encoding.UTF8.GetBytes(text));
        var lines = LogLineReader.ReadLines(path).ToList();
        lines.Count.ShouldBe(30000);
        lines[29999].ShouldBe("zürich 29999 ✓");
    }

    [Fact]
    public void Nul_bytes_are_a_clear_error_with_column()
    {
        var path = Write("nul.log", [(byte)'a', 0, (byte)'\n']);
        var e = Should.Throw<LogInputException>(() => LogLineReader.ReadLines(path).ToList());
        e.Message.ShouldBe($"{path}:1:2: NUL byte in log line (binary file?)");
    }

    [Fact]
    public void A_50_MB_line_is_a_clear_error_after_the_lines_before_it()
    {
        var huge = new byte[50 * 1024 * 1024];
        huge.AsSpan().Fill((byte)'x');
        var path = Write("huge.log", [.. Encoding.UTF8.GetBytes("first\n"), .. huge, (byte)'\n']);
        var seen = new List<string>();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Should.Throw<LogInputException>(() =>
        {
            foreach (var line in LogLineReader.ReadLines(path))
            {
                seen.Add(line);
            }
        });
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBeLessThan(16L << 20);
        seen.ShouldBe(["first"]);
        e.Message.ShouldBe($"{path}:2: line longer than {LogLineReader.MaxLineChars} bytes");
    }

    [Fact]
    public void A_line_just_under_the_limit_is_read_whole()
    {
        var path = Write("long.log", [.. Enumerable.Repeat((byte)'y', LogLineReader.MaxLineChars - 1), (byte)'\n', (byte)'z']);
        LogLineReader.ReadLines(path).Select(l => l.Length).ToList().ShouldBe([LogLineReader.MaxLineChars - 1, 1]);
    }

    [Fact]
    public void Missing_file_names_the_file()
    {
        var e = Should.Throw<LogInputException>(() => LogLineReader.ReadLines(Path.Combine(dir, "none.log")));
        e.Message.ShouldContain("none.log");
    }
}
