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
    public void Reads_plain_lines_and_strips_cr()
    {
        var path = Write("a.log", Encoding.UTF8.GetBytes("one\r\ntwo\nthree"));
        LogLineReader.ReadLines(path).ToList().ShouldBe(["one", "two", "three"]);
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
    public void Invalid_utf8_is_a_clear_error_with_line_number()
    {
        var path = Write("bad.log", [.. Encoding.UTF8.GetBytes("ok\n"), 0xC3, 0x28, (byte)'\n']);
        var e = Should.Throw<LogInputException>(() => LogLineReader.ReadLines(path).ToList());
        e.Message.ShouldContain("bad.log:2");
    }

    [Fact]
    public void Nul_bytes_are_a_clear_error()
    {
        var path = Write("nul.log", [(byte)'a', 0, (byte)'\n']);
        var e = Should.Throw<LogInputException>(() => LogLineReader.ReadLines(path).ToList());
        e.Message.ShouldContain("nul.log:1: NUL byte");
    }

    [Fact]
    public void A_50_MB_line_is_a_clear_error_not_a_crash()
    {
        var path = Write("huge.log", [.. new byte[50 * 1024 * 1024].Select(_ => (byte)'x'), (byte)'\n']);
        var e = Should.Throw<LogInputException>(() => LogLineReader.ReadLines(path).ToList());
        e.Message.ShouldContain("huge.log:1: line longer than");
    }

    [Fact]
    public void Missing_file_names_the_file()
    {
        var e = Should.Throw<LogInputException>(() => LogLineReader.ReadLines(Path.Combine(dir, "none.log")));
        e.Message.ShouldContain("none.log");
    }
}
