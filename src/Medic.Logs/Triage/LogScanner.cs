using System.IO.Compression;
using Medic.Logs.Formats;

namespace Medic.Logs.Triage;

/// <summary>
/// The engine behind the <c>logs.scan</c> probe: reads the tail of each file (never more than
/// <see cref="ScanOptions.MaxBytes"/>), keeps the records inside the window and counts errors, warnings and matches,
/// mining templates of the errors and of the matches. Read-only: files are opened for reading and shared.
/// </summary>
public sealed class LogScanner(ScanOptions options, TimeProvider time)
{
    public ScanResult Scan(IReadOnlyList<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var now = time.GetUtcNow();
        var since = options.Window is { } w ? now - w : (DateTimeOffset?)null;
        var errors = new LogAnalyzer(new TriageOptions { Top = options.Top, Redact = options.Redact });
        var matches = new LogAnalyzer(new TriageOptions { Top = options.Top, Redact = options.Redact });
        var levels = new long[(int)LogSeverity.Fatal + 1];
        var files = new List<ScannedFile>();
        long records = 0, matchCount = 0;
        DateTimeOffset? lastError = null, lastMatch = null;
        string? lastMatchLine = null;
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (stream, size, tail, error) = Open(path);
            if (stream is null)
            {
                files.Add(new ScannedFile(path, null, size, 0, false, 0, error));
                continue;
            }

            var modified = new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
            var reader = new LogFileReader(path, stream, options.Format);
            long lines = 0;
            try
            {
                foreach (var record in reader.Records())
                {
                    lines++;
                    if ((lines & 0x3FFF) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    if (record.IsContinuation || (since is not null && (record.Timestamp ?? modified) < since))
                    {
                        continue;
                    }

                    records++;
                    levels[(int)record.Severity]++;
                    if (record.IsErrorOrWorse)
                    {
                        errors.Add(record);
                        lastError = Later(lastError, record.Timestamp ?? modified);
                    }

                    if (IsMatch(record))
                    {
                        matchCount++;
                        matches.Add(record);
                        lastMatch = Later(lastMatch, record.Timestamp ?? modified);
                        lastMatchLine = record.Line;
                    }
                }

                files.Add(new ScannedFile(path, reader.FormatName, size, tail ? Math.Min(size, options.MaxBytes) : size, tail, lines, null));
            }
            catch (LogInputException e)
            {
                files.Add(new ScannedFile(path, reader.FormatName, size, 0, tail, lines, e.Message));
            }
            finally
            {
                stream.Dispose();
            }
        }

        var levelNames = Enumerable.Range(0, levels.Length).Where(i => levels[i] > 0).ToDictionary(i => Severities.Name((LogSeverity)i), i => levels[i]);
        return new ScanResult(
            files, since, records, levels[(int)LogSeverity.Error] + levels[(int)LogSeverity.Fatal], levels[(int)LogSeverity.Warning], matchCount,
            levelNames, lastError, lastMatch, Shown(lastMatchLine), errors.Report().Templates, matches.Report().Templates);
    }

    /// <summary>A line as the result may hold it: redacted whole, then cut to 500 characters.</summary>
    private string? Shown(string? line)
    {
        if (line is null)
        {
            return null;
        }

        line = options.Redact is { } redact ? redact(line) : line;
        return line.Length <= 500 ? line : line[..500];
    }

    private bool IsMatch(LogRecord record)
    {
        if (options.Level is { } level && record.Severity < level)
        {
            return false;
        }

        if (options.Pattern is null)
        {
            return options.Level is not null;
        }

        try
        {
            return options.Pattern.IsMatch(record.Line);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static DateTimeOffset Later(DateTimeOffset? a, DateTimeOffset b) => a is null || b > a ? b : a.Value;

    private (Stream? Stream, long Size, bool Tail, string? Error) Open(string path)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        }
        catch (FileNotFoundException)
        {
            return (null, 0, false, "no such file");
        }
        catch (DirectoryNotFoundException)
        {
            return (null, 0, false, "no such file");
        }
        catch (UnauthorizedAccessException e)
        {
            return (null, 0, false, $"permission denied: {e.Message}");
        }
        catch (IOException e)
        {
            return (null, 0, false, e.Message);
        }

        var size = file.Length;
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            if (size > options.MaxBytes)
            {
                file.Dispose();
                return (null, size, false, $"compressed file larger than max_bytes ({options.MaxBytes}); not read");
            }

            // a cut file raises InvalidDataException (StrictGzip), which the line scanner reports as truncated
            return (new GZipStream(file, CompressionMode.Decompress), size, false, null);
        }

        if (size <= options.MaxBytes)
        {
            return (file, size, false, null);
        }

        // start at the first whole line inside the last MaxBytes
        file.Seek(size - options.MaxBytes, SeekOrigin.Begin);
        int b;
        while ((b = file.ReadByte()) >= 0 && b != '\n')
        {
        }

        return (file, size, true, null);
    }
}
