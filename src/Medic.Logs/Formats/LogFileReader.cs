namespace Medic.Logs.Formats;

/// <summary>
/// Reads one file (or '-', or .gz) as log records, streaming: the format is detected from the first lines (or given),
/// and a line the format does not read continues the record before it (stack traces, tracebacks, wrapped messages).
/// </summary>
public sealed class LogFileReader
{
    private readonly string _path;
    private readonly ILogLineParser? _forced;
    private readonly Stream? _stdin;

    private readonly string _name;

    public LogFileReader(string path, ILogLineParser? format = null, Stream? stdin = null)
    {
        _path = path;
        _name = path;
        _forced = format;
        _stdin = stdin;
    }

    /// <summary>Reads <paramref name="stream"/> (already decompressed), naming its records and errors <paramref name="name"/>.</summary>
    public LogFileReader(string name, Stream stream, ILogLineParser? format = null)
    {
        _path = "-";
        _name = name;
        _forced = format;
        _stdin = stream;
    }

    /// <summary>The format in use; known once the first record has been read.</summary>
    public string? FormatName { get; private set; }

    public IEnumerable<LogRecord> Records() => Records(reuse: false);

    /// <summary>
    /// The records; with <paramref name="reuse"/>, two record objects take turns, so a record is only valid until the
    /// next one is read (for a caller that keeps none, such as the triage, which then allocates no record per line).
    /// </summary>
    public IEnumerable<LogRecord> Records(bool reuse)
    {
        var lines = LogLineReader.ReadLines(_path, _stdin).GetEnumerator();
        try
        {
            // errors from a stream read as '-' should name the file
            if (_path == "-" && _name != "-")
            {
                lines = Renamed(lines);
            }

            var sample = new List<string>();
            var nonEmpty = 0;
            while (nonEmpty < FormatDetector.SampleLines && lines.MoveNext())
            {
                sample.Add(lines.Current);
                nonEmpty += string.IsNullOrWhiteSpace(lines.Current) ? 0 : 1;
            }

            var parser = _forced ?? FormatDetector.Detect(sample);
            FormatName = parser.Name;
            var state = new State(_name, parser, reuse);
            foreach (var line in sample)
            {
                yield return state.Parse(line);
            }

            while (lines.MoveNext())
            {
                yield return state.Parse(lines.Current);
            }
        }
        finally
        {
            lines.Dispose();
        }
    }

    private IEnumerator<string> Renamed(IEnumerator<string> inner)
    {
        while (true)
        {
            try
            {
                if (!inner.MoveNext())
                {
                    break;
                }
            }
            catch (LogInputException e) when (e.Message.StartsWith("-:", StringComparison.Ordinal))
            {
                throw new LogInputException(string.Concat(_name, e.Message.AsSpan(1)), e);
            }

            yield return inner.Current;
        }

        inner.Dispose();
    }

    private sealed class State(string path, ILogLineParser parser, bool reuse)
    {
        private static readonly PlainParser Plain = new();
        private readonly bool _continuations = parser is not PlainParser;
        private readonly ILogLineParser[] _others = [.. FormatDetector.Candidates().Where(c => c.Name != parser.Name)];
        private long _lineNumber;
        private LogRecord? _previous;
        private LogRecord? _one;
        private LogRecord? _other;

        public LogRecord Parse(string line)
        {
            _lineNumber++;
            var record = Blank(line);
            if (parser.TryParse(line, record))
            {
                _previous = record;
                return record;
            }

            // a file may mix formats (JSON lines and text); only a line no format reads continues the record before it
            if (_continuations && line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                foreach (var other in _others)
                {
                    // a parser that refused the line may have written to the record: then the next one gets a blank one
                    record = record.IsBlank ? record : Blank(line);
                    if (other.TryParse(line, record))
                    {
                        _previous = record;
                        return record;
                    }
                }
            }

            record = record.IsBlank ? record : Blank(line);
            Plain.TryParse(line, record);
            if (_continuations && _previous is not null)
            {
                record.IsContinuation = true;
                record.Timestamp = _previous.Timestamp;
                record.Severity = record.Severity == LogSeverity.Unknown ? _previous.Severity : record.Severity;
                record.RequestId = _previous.RequestId;
                record.Component = _previous.Component;
            }

            return record;
        }

        /// <summary>A blank record for this line: a new one, or, reusing, the one of the two that is not the previous record.</summary>
        private LogRecord Blank(string line)
        {
            if (!reuse)
            {
                return new LogRecord { Source = path, LineNumber = _lineNumber, Line = line };
            }

            _one ??= new LogRecord { Source = path, LineNumber = _lineNumber, Line = line };
            _other ??= new LogRecord { Source = path, LineNumber = _lineNumber, Line = line };
            var record = ReferenceEquals(_previous, _one) ? _other : _one;
            record.Reset(_lineNumber, line);
            return record;
        }
    }
}
