using Medic.Logs.Formats;

namespace Medic.Logs.Triage;

/// <summary>
/// The triage engine: mines templates from the records' messages, keeps per-template statistics, the per-minute
/// timeline and durations, in memory that grows with the number of templates and minutes, not lines.
/// Baseline records go through the same miner first, so old and new lines share templates.
/// </summary>
public sealed partial class LogAnalyzer(TriageOptions options)
{
    // --mask goes through the miner's UserMasks (the mechanism the accuracy bench measures); value spreads are kept
    // only for the records the report counts (not baseline, continuation or out-of-window records) from ValuesFrom up
    private readonly TemplateMiner _miner = new(0.5, new UserMasks(options.Masks)) { TrackValues = false };
    private const int MaxIndexedTemplates = 1 << 20;
    private readonly Dictionary<LogTemplate, TemplateStats> _stats = new(ReferenceEqualityComparer.Instance);
    private TemplateStats?[] _byIdStats = new TemplateStats?[64];
    private readonly long[] _levels = new long[(int)LogSeverity.Fatal + 1];
    private readonly MinuteHistogram _timeline = new();
    private readonly SlowRequestStats _slow = new(options.Slowest);
    private readonly List<SourceSummary> _sources = [];
    private readonly List<int> _assignments = [];
    private readonly Dictionary<int, LogTemplate> _byId = [];
    private long _lines;
    private long _records;
    private long _baselineRecords;
    private DateTimeOffset? _first;
    private DateTimeOffset? _last;

    public TriageOptions Options { get; } = options;

    public long Lines => _lines;

    public long Errors => _levels[(int)LogSeverity.Error] + _levels[(int)LogSeverity.Fatal];

    public void AddSource(string path, string format, long lines, bool baseline) => _sources.Add(new SourceSummary(path, format, lines, baseline));

    /// <summary>A record of the older log given with --baseline: counted apart, never in the report's totals.</summary>
    public void AddBaseline(LogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var template = Mine(record, track: false);
        if (!record.IsContinuation)
        {
            Stats(template).AddBaseline();
            _baselineRecords++;
        }
    }

    /// <summary>Adds one record; returns the template it was assigned to, or null when the time window leaves it out.</summary>
    public LogTemplate Add(LogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _lines++;
        var counted = !record.IsContinuation && InWindow(record.Timestamp);
        var template = Mine(record, counted && (record.Severity >= Options.ValuesFrom || record.Severity == LogSeverity.Unknown));
        if (Options.KeepAssignments)
        {
            _assignments.Add(template.Id);
            _byId.TryAdd(template.Id, template);
        }

        if (!counted)
        {
            return template;
        }

        _records++;
        _levels[(int)record.Severity]++;
        Stats(template).Add(record, _records);
        if (record.Timestamp is { } t)
        {
            _first = _first is null || t < _first ? t : _first;
            _last = _last is null || t > _last ? t : _last;
            _timeline.Add(t, record.Severity);
        }

        _slow.Add(record, template.Text);
        return template;
    }

    private bool InWindow(DateTimeOffset? t) =>
        t is null || ((Options.Since is null || t >= Options.Since) && (Options.Until is null || t <= Options.Until));

    private LogTemplate Mine(LogRecord record, bool track)
    {
        _miner.TrackValues = track && Options.TrackValues;
        return _miner.Add(record.HasMessage ? record.MessageSpan : record.Line.AsSpan());
    }

    private TemplateStats Stats(LogTemplate template)
    {
        // template ids are small and dense (1, 2, 3 … in creation order): an array finds the statistics without hashing
        var id = template.Id;
        if ((uint)id < (uint)_byIdStats.Length && _byIdStats[id] is { } known && ReferenceEquals(known.Template, template))
        {
            return known;
        }

        if (!_stats.TryGetValue(template, out var stats))
        {
            stats = new TemplateStats(template);
            _stats[template] = stats;
        }

        if (id >= 0 && id < MaxIndexedTemplates)
        {
            if (id >= _byIdStats.Length)
            {
                Array.Resize(ref _byIdStats, Math.Min(MaxIndexedTemplates, Math.Max(id + 1, _byIdStats.Length * 2)));
            }

            _byIdStats[id] = stats;
        }

        return stats;
    }

    /// <summary>Writes <c>LineId,EventTemplate</c> for every line added, in input order (needs <see cref="TriageOptions.KeepAssignments"/>).</summary>
    public void WriteTemplates(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _miner.Compact();
        output.WriteLine("LineId,EventTemplate");
        for (var i = 0; i < _assignments.Count; i++)
        {
            output.Write(i + 1);
            output.Write(',');
            output.WriteLine(CsvText(_assignments[i]));
        }
    }

    private static string Csv(string s) =>
        s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
