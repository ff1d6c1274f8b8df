using System.Diagnostics;

namespace Medic.Cli.Commands;

/// <summary>Progress on stderr while reading big inputs, only when stderr is a terminal; also where Ctrl+C is noticed.</summary>
internal sealed class LogProgress : IDisposable
{
    private const long BigInput = 64L << 20;
    private readonly CliContext _cli;
    private readonly long _totalBytes;
    private readonly bool _show;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lines;
    private long _bytes;
    private long _lastShown;
    private bool _shown;

    public LogProgress(CliContext cli, IEnumerable<string> paths)
    {
        _cli = cli;
        _totalBytes = paths.Where(p => p != "-").Sum(p => new FileInfo(p).Length);
        _show = cli.Interactive && (_totalBytes >= BigInput || paths.Contains("-"));
    }

    public void Line(string path, int chars, CancellationToken cancellationToken)
    {
        _lines++;
        _bytes += chars + 1;
        if ((_lines & 0xFFFF) != 0)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (!_show || _clock.ElapsedMilliseconds - _lastShown < 500)
        {
            return;
        }

        _lastShown = _clock.ElapsedMilliseconds;
        var rate = _lines / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
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
