using Medic.Logs.Formats;

namespace Medic.Logs.Triage;

/// <summary>
/// Follows one request ID across files: a record belongs to it when its request-ID field equals the ID or its line
/// contains it (as <c>grep trace-123</c> would find it). Hits are merged by timestamp; a line without one keeps its place
/// after the record before it in its file.
/// </summary>
public sealed class RequestTracer(string id, int limit = 100_000)
{
    private readonly List<(TraceHit Hit, DateTimeOffset Key, int File, long Order)> _hits = [];
    private readonly Dictionary<string, int> _files = new(StringComparer.Ordinal);
    private DateTimeOffset _lastTime = DateTimeOffset.MinValue;
    private string? _lastSource;

    public string Id { get; } = id;

    public bool Truncated { get; private set; }

    public void Add(LogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!ReferenceEquals(_lastSource, record.Source) && _lastSource != record.Source)
        {
            _lastSource = record.Source;
            _lastTime = DateTimeOffset.MinValue;
        }

        _lastTime = record.Timestamp ?? _lastTime;
        if (record.RequestId != Id && !record.Line.Contains(Id, StringComparison.Ordinal))
        {
            return;
        }

        if (_hits.Count >= limit)
        {
            Truncated = true;
            return;
        }

        if (!_files.TryGetValue(record.Source, out var file))
        {
            file = _files.Count;
            _files[record.Source] = file;
        }

        _hits.Add((new TraceHit(record.Source, record.LineNumber, record.Timestamp, record.Severity, record.Line), _lastTime, file, record.LineNumber));
    }

    public IReadOnlyList<TraceHit> Hits() =>
        [.. _hits.OrderBy(h => h.Key).ThenBy(h => h.File).ThenBy(h => h.Order).Select(h => h.Hit)];
}
