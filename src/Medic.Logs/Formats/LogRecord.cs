namespace Medic.Logs.Formats;

/// <summary>One log record read from a line: where it came from, and the fields recognised in it.</summary>
/// <remarks>
/// The message, component and request ID are most often a stretch of the line: a parser can give that stretch
/// (<see cref="SetMessage"/> …) and the string is made only when something reads the property, so the per-line path
/// (mining the message as a span) allocates no copy of it.
/// </remarks>
public sealed class LogRecord
{
    private LineText _message = LineText.Empty;
    private LineText _component;
    private LineText _requestId;

    private string _source = "";
    private long _lineNumber;
    private string _line = "";

    public required string Source { get => _source; init => _source = value; }

    public required long LineNumber { get => _lineNumber; init => _lineNumber = value; }

    public required string Line { get => _line; init => _line = value; }

    /// <summary>The message without timestamp, level and other framing; what templates are mined from.</summary>
    public string Message
    {
        get => _message.Get(Line) ?? "";
        set => _message = new LineText(value);
    }

    /// <summary><see cref="Message"/> without making it a string.</summary>
    public ReadOnlySpan<char> MessageSpan => _message.Span(Line);

    public DateTimeOffset? Timestamp { get; set; }

    public LogSeverity Severity { get; set; }

    public string? Component
    {
        get => _component.Get(Line);
        set => _component = new LineText(value);
    }

    public TimeSpan? Duration { get; set; }

    public string? RequestId
    {
        get => _requestId.Get(Line);
        set => _requestId = new LineText(value);
    }

    public string? Method { get; set; }

    public string? Path { get; set; }

    public int? Status { get; set; }

    /// <summary><see cref="Path"/> as a route (<see cref="PathNormaliser"/>), when the parser already made it.</summary>
    internal string? Route { get; set; }

    /// <summary>A line that continues the record before it (a stack trace, a traceback), taking its timestamp and level.</summary>
    public bool IsContinuation { get; set; }

    public bool IsErrorOrWorse => Severity >= LogSeverity.Error;

    internal bool HasMessage => _message.Length > 0;

    internal bool HasComponent => !_component.IsNull;

    internal bool HasRequestId => !_requestId.IsNull;

    /// <summary>No field set yet: a parser that said no without writing anything leaves the record reusable.</summary>
    internal bool IsBlank =>
        !HasMessage && Timestamp is null && Severity == LogSeverity.Unknown && _component.IsNull && Duration is null
        && _requestId.IsNull && Method is null && Path is null && Status is null && !IsContinuation;

    /// <summary>Makes this record the blank record of another line of the same source (a reader reusing records).</summary>
    internal void Reset(long lineNumber, string line)
    {
        _lineNumber = lineNumber;
        _line = line;
        _message = LineText.Empty;
        _component = default;
        _requestId = default;
        Timestamp = null;
        Severity = LogSeverity.Unknown;
        Duration = null;
        Method = null;
        Path = null;
        Status = null;
        Route = null;
        IsContinuation = false;
    }

    // Each setter below takes the text the stretch is in: a parser may read another string than the record's line (the
    // message of a syslog line), and then the stretch becomes a string at once.

    /// <summary>The message is <c>text[start..start+length]</c>.</summary>
    internal void SetMessage(string text, int start, int length) => _message = LineText.Of(Line, text, start, length);

    /// <summary>The message is <c>text[start..start+length]</c> trimmed of white space, as <see cref="string.Trim()"/> does.</summary>
    internal void SetMessageTrimmed(string text, int start, int length) => _message = LineText.Trimmed(Line, text, start, length);

    internal void SetComponent(string text, int start, int length) => _component = LineText.Of(Line, text, start, length);

    internal void SetRequestId(string text, int start, int length) => _requestId = LineText.Of(Line, text, start, length);

    /// <summary>A string, or a stretch of the line made into one on first read.</summary>
    private struct LineText
    {
        public static readonly LineText Empty = new("");

        private string? _value;
        private readonly int _start;
        private readonly int _length;
        private readonly bool _inLine;

        public LineText(string? value)
        {
            _value = value;
        }

        public LineText(int start, int length)
        {
            _start = start;
            _length = length;
            _inLine = true;
        }

        public readonly bool IsNull => _value is null && !_inLine;

        public readonly int Length => _value?.Length ?? (_inLine ? _length : 0);

        public static LineText Of(string line, string text, int start, int length) =>
            ReferenceEquals(line, text) ? new LineText(start, length) : new LineText(text.Substring(start, length));

        public static LineText Trimmed(string line, string text, int start, int length)
        {
            var end = start + length;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            return start == 0 && end == text.Length ? new LineText(text) : Of(line, text, start, end - start);
        }

        public string? Get(string line)
        {
            if (_value is null && _inLine)
            {
                _value = _length == 0 ? "" : line.Substring(_start, _length);
            }

            return _value;
        }

        public readonly ReadOnlySpan<char> Span(string line) =>
            _value is not null ? _value.AsSpan() : _inLine ? line.AsSpan(_start, _length) : default;
    }
}
