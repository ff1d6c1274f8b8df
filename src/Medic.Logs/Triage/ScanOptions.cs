using System.Text.RegularExpressions;
using Medic.Logs.Formats;

namespace Medic.Logs.Triage;

/// <summary>What <see cref="LogScanner"/> counts: records at or above <see cref="Level"/> matching <see cref="Pattern"/> within <see cref="Window"/>.</summary>
public sealed class ScanOptions
{
    public const long DefaultMaxBytes = 64L << 20;

    public Regex? Pattern { get; init; }

    public LogSeverity? Level { get; init; }

    /// <summary>Only records this recent (by their timestamp, else the file's modification time).</summary>
    public TimeSpan? Window { get; init; }

    /// <summary>Read at most this many bytes from the end of each file (compressed files: skipped when larger).</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    public ILogLineParser? Format { get; init; }

    public int Top { get; init; } = 5;

    /// <summary>Secret redaction of the lines and templates the result holds (none when null); run once per item, never per line.</summary>
    public Func<string, string>? Redact { get; init; }
}
