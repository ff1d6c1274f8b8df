namespace Medic.Cli.Commands;

/// <summary>
/// Progress on stderr while reading big inputs, only when stderr is a terminal (<see cref="ShouldShow"/>); at most twice a
/// second by the runtime's clock. Also where Ctrl+C is noticed.
/// </summary>
internal sealed class LogProgress : IDisposable
{
    /// <summary>Inputs from this size on show progress (stdin always does: its size is unknown).</summary>
    public const long BigInput = 64L << 20;

    /// <summary>Lines between two looks at the clock and the cancellation token.</summary>
    public const int Stride = 1 << 16;

    private readonly CliContext _cli;
    private readonly long _totalBytes;
    private readonly bool _show;
    private readonly TimeProvider _time;
    private readonly long _started;
    private TimeSpan _lastShown;
    private long _lines;
    private long _bytes;
    private bool _shown;

    public LogProgress(CliContext cli, IEnumerable<string> paths)
    {
        _cli = cli;
        var all = paths.ToList();
        _totalBytes = all.Where(p => p != "-").Sum(p => new FileInfo(p).Length);
        _show = ShouldShow(cli.Interactive, _totalBytes, all.Contains("-"));
        _time = cli.Runtime.Time;
        _started = _time.GetTimestamp();
    }

    /// <summary>Whether progress is shown: stderr is a terminal and the input is over <see cref="BigInput"/> or includes stdin.</summary>
    public static bool ShouldShow(bool stderrIsTerminal, long totalBytes, bool readsStdin) =>
        stderrIsTerminal && (totalBytes >= BigInput || readsStdin);

    public bool Shows => _show;

    public void Line(string path, int chars, CancellationToken cancellationToken)
    {
        _lines++;
        _bytes += chars + 1;
        if (_lines % Stride != 0)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var elapsed = _time.GetElapsedTime(_started);
        if (!_show || elapsed - _lastShown < TimeSpan.FromMilliseconds(500))
        {
            return;
        }

        _lastShown = elapsed;
        var rate = _lines / Math.Max(elapsed.TotalSeconds, 0.001);
        var of = _totalBytes > 0 ? $" of {_totalBytes >> 20} MB" : "";
        _cli.Stderr.Write($"\rreading {Path.GetFileName(path)}: {_lines:N0} lines, ~{_bytes >> 20} MB{of} ({rate:N0} lines/s)   ");
        _shown = true;
    }

    public void Done()
    {
        if (_shown)
        {
            _cli.Stderr.Write("\r" + new string(' ', 100) + "\r");
            _shown = false;
        }
    }

    public void Dispose() => Done();
}
