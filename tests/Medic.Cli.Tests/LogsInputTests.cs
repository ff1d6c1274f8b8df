using System.IO.Compression;
using System.Text;
using Medic.Cli.Commands;
using Shouldly;
using Xunit;

namespace Medic.Cli.Tests;

/// <summary><c>medic logs -</c> on piped input, the progress decision, and bad input files at the command line.</summary>
public sealed class LogsInputTests : IDisposable
{
    private const string Lines = """
        2024-01-15 10:00:00,000 INFO app.main: started on port 8080
        2024-01-15 10:00:01,000 ERROR app.db: database is locked
        2024-01-15 10:00:02,000 ERROR app.db: database is locked
        2024-01-15 10:00:03,000 INFO app.main: request 1234 served in 15 ms
        """;

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Stdin_is_read_when_the_file_is_a_dash()
    {
        var run = await CliRun.RunWithStdinAsync(Encoding.UTF8.GetBytes(Lines + "\n"), "logs", "-", "--format", "json");
        run.ExitCode.ShouldBe(1, run.Stderr);
        run.Stdout.ShouldContain("\"path\": \"-\"");
        run.Stdout.ShouldContain("\"records\": 4");
        run.Stdout.ShouldContain("\"template\": \"database is locked\"");
        run.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task Gzip_on_stdin_is_recognised_by_its_magic_bytes()
    {
        var compressed = new MemoryStream();
        await using (var gz = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gz.WriteAsync(Encoding.UTF8.GetBytes(Lines + "\n"), TestContext.Current.CancellationToken);
        }

        var run = await CliRun.RunWithStdinAsync(compressed.ToArray(), "logs", "-");
        run.ExitCode.ShouldBe(1, run.Stderr);
        run.Stdout.ShouldContain("4 records · 2 errors");
        run.Stdout.ShouldContain("×2  database is locked");
    }

    [Fact]
    public async Task A_truncated_gzip_on_stdin_is_a_clear_error()
    {
        var compressed = new MemoryStream();
        await using (var gz = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gz.WriteAsync(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Lines + "\n", 200))), TestContext.Current.CancellationToken);
        }

        var run = await CliRun.RunWithStdinAsync(compressed.ToArray()[..^40], "logs", "-");
        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldMatch(@"medic: -:\d+: truncated gzip stream");
        run.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task Empty_stdin_is_a_clean_run()
    {
        var run = await CliRun.RunWithStdinAsync([], "logs", "-");
        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stdout.ShouldContain("0 records");
    }

    [Theory]
    [InlineData(true, LogProgress.BigInput, false, true)]
    [InlineData(true, LogProgress.BigInput - 1, false, false)]
    [InlineData(true, 0, true, true)]
    [InlineData(false, LogProgress.BigInput * 4, true, false)]
    [InlineData(false, 0, false, false)]
    public void Progress_shows_only_on_a_terminal_for_big_inputs_or_stdin(bool terminal, long bytes, bool stdin, bool shows) =>
        LogProgress.ShouldShow(terminal, bytes, stdin).ShouldBe(shows);

    [Fact]
    public void Progress_writes_to_stderr_only_when_the_clock_moved_and_clears_its_line()
    {
        var clock = new StepClock();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var cli = new CliContext(new MedicRuntime { Time = clock }, stdout, stderr, interactive: true);
        using (var progress = new LogProgress(cli, ["-"]))
        {
            progress.Shows.ShouldBeTrue();
            Feed(progress, LogProgress.Stride);
            stderr.ToString().ShouldBeEmpty(); // no time has passed yet

            clock.Advance(TimeSpan.FromSeconds(1));
            Feed(progress, LogProgress.Stride);
            stderr.ToString().ShouldStartWith("\rreading -: ");
            stderr.ToString().ShouldContain(" lines/s)");

            progress.Done();
            stderr.ToString().ShouldEndWith("\r");
        }

        stdout.ToString().ShouldBeEmpty();
    }

    [Fact]
    public void Progress_stays_silent_for_a_small_file_even_on_a_terminal()
    {
        var clock = new StepClock();
        var stderr = new StringWriter();
        var file = _dir.Write("small.log", Lines);
        var cli = new CliContext(new MedicRuntime { Time = clock }, new StringWriter(), stderr, interactive: true);
        using var progress = new LogProgress(cli, [file]);
        progress.Shows.ShouldBeFalse();
        clock.Advance(TimeSpan.FromSeconds(5));
        Feed(progress, LogProgress.Stride * 2);
        stderr.ToString().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_line_over_the_limit_names_file_and_line_without_a_stack_trace()
    {
        var path = Path.Combine(_dir.Path, "long.log");
        await using (var f = File.Create(path))
        {
            await f.WriteAsync("first line\n"u8.ToArray(), TestContext.Current.CancellationToken);
            var chunk = Encoding.ASCII.GetBytes(new string('x', 1 << 20));
            for (var i = 0; i < 50; i++)
            {
                await f.WriteAsync(chunk, TestContext.Current.CancellationToken);
            }

            await f.WriteAsync("\nlast line\n"u8.ToArray(), TestContext.Current.CancellationToken);
        }

        var run = await CliRun.RunAsync("logs", path);
        ShouldBeClearInputError(run, $"medic: {path}:2: line longer than 1048576 bytes");
    }

    [Fact]
    public async Task Invalid_utf8_names_file_line_and_column()
    {
        var path = Path.Combine(_dir.Path, "latin1.log");
        await File.WriteAllBytesAsync(path, [.. "ok\nok too\ncaf"u8.ToArray(), 0xE9, .. " au lait\n"u8.ToArray()], TestContext.Current.CancellationToken);
        ShouldBeClearInputError(await CliRun.RunAsync("logs", path), $"medic: {path}:3:4: invalid UTF-8 (byte 0xE9)");
    }

    [Fact]
    public async Task A_nul_byte_names_file_line_and_column()
    {
        var path = Path.Combine(_dir.Path, "nul.log");
        await File.WriteAllBytesAsync(path, [.. "ok\nab"u8.ToArray(), 0, .. "cd\n"u8.ToArray()], TestContext.Current.CancellationToken);
        ShouldBeClearInputError(await CliRun.RunAsync("logs", path), $"medic: {path}:2:3: NUL byte in log line");
    }

    [Fact]
    public async Task A_truncated_gz_file_names_the_file()
    {
        var path = Path.Combine(_dir.Path, "cut.log.gz");
        var compressed = new MemoryStream();
        await using (var gz = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gz.WriteAsync(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Lines + "\n", 500))), TestContext.Current.CancellationToken);
        }

        await File.WriteAllBytesAsync(path, compressed.ToArray()[..(int)(compressed.Length / 2)], TestContext.Current.CancellationToken);
        var run = await CliRun.RunAsync("logs", path, "--format", "json");
        ShouldBeClearInputError(run, $"medic: {path}:");
        run.Stderr.ShouldContain("truncated gzip stream");
    }

    private static void ShouldBeClearInputError(CliRun run, string message)
    {
        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldStartWith(message);
        run.Stderr.ShouldNotContain("Exception");
        run.Stderr.ShouldNotContain("   at ");
        run.Stdout.ShouldBeEmpty();
    }

    private static void Feed(LogProgress progress, int lines)
    {
        for (var i = 0; i < lines; i++)
        {
            progress.Line("-", 40, TestContext.Current.CancellationToken);
        }
    }

    private sealed class StepClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
