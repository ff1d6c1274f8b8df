using Medic.Logs.Formats;

namespace Medic.Logs.Triage;

/// <summary>What the triage keeps per mined template: counts per level, first and last seen, an example, baseline count.</summary>
public sealed class TemplateStats(LogTemplate template)
{
    private readonly long[] _levels = new long[(int)LogSeverity.Fatal + 1];

    public LogTemplate Template { get; } = template;

    public long Count { get; private set; }

    public long BaselineCount { get; private set; }

    public DateTimeOffset? FirstSeen { get; private set; }

    public DateTimeOffset? LastSeen { get; private set; }

    // where the first and the last record are; made into file:line text only when asked, not once per line
    private (string? Source, long Line) _firstAt;
    private (string? Source, long Line) _lastAt;

    /// <summary>file:line of the first and the last record.</summary>
    public string FirstAt => At(_firstAt);

    public string LastAt => At(_lastAt);

    /// <summary>The first record's line at the template's worst level.</summary>
    public string Example { get; private set; } = "";

    /// <summary>The example record's message (without timestamp, level and fields).</summary>
    public string ExampleMessage { get; private set; } = "";

    public LogSeverity Worst { get; private set; }

    /// <summary>Input order of the first and the last record, for recency when records have no timestamps.</summary>
    public long FirstOrdinal { get; private set; }

    public long LastOrdinal { get; private set; }

    public IEnumerable<(LogSeverity Level, long Count)> Levels =>
        _levels.Select((n, i) => ((LogSeverity)i, n)).Where(l => l.n > 0).OrderByDescending(l => l.Item1);

    public long CountAt(LogSeverity level) => _levels[(int)level];

    public void AddBaseline() => BaselineCount++;

    /// <summary>The statistics of <paramref name="template"/> from those of the templates merged into it (itself included).</summary>
    public static TemplateStats Combine(LogTemplate template, IReadOnlyList<TemplateStats> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts is [{ } only] && ReferenceEquals(only.Template, template))
        {
            return only;
        }

        var all = new TemplateStats(template);
        foreach (var part in parts.Where(p => p.Count > 0).OrderBy(p => p.FirstOrdinal))
        {
            all.Absorb(part);
        }

        all.BaselineCount = parts.Sum(p => p.BaselineCount);
        return all;
    }

    private void Absorb(TemplateStats part)
    {
        if (Count == 0)
        {
            _firstAt = part._firstAt;
            FirstOrdinal = part.FirstOrdinal;
            Worst = part.Worst;
            Example = part.Example;
            ExampleMessage = part.ExampleMessage;
        }
        else if (part.Worst > Worst)
        {
            Worst = part.Worst;
            Example = part.Example;
            ExampleMessage = part.ExampleMessage;
        }

        Count += part.Count;
        for (var i = 0; i < _levels.Length; i++)
        {
            _levels[i] += part._levels[i];
        }

        if (part.LastOrdinal >= LastOrdinal)
        {
            _lastAt = part._lastAt;
            LastOrdinal = part.LastOrdinal;
        }

        FirstSeen = Earlier(FirstSeen, part.FirstSeen);
        LastSeen = Later(LastSeen, part.LastSeen);
    }

    private static string At((string? Source, long Line) at) => at.Source is null ? "" : $"{at.Source}:{at.Line}";

    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) => a is null || (b is not null && b < a) ? b : a;

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null || (b is not null && b > a) ? b : a;

    public void Add(LogRecord record, long ordinal)
    {
        ArgumentNullException.ThrowIfNull(record);
        Count++;
        _levels[(int)record.Severity]++;
        (string? Source, long Line) at = (record.Source, record.LineNumber);
        if (Count == 1)
        {
            _firstAt = at;
            FirstOrdinal = ordinal;
            Example = record.Line;
            ExampleMessage = record.Message;
            Worst = record.Severity;
        }
        else if (record.Severity > Worst)
        {
            Worst = record.Severity;
            Example = record.Line;
            ExampleMessage = record.Message;
        }

        _lastAt = at;
        LastOrdinal = ordinal;
        FirstSeen = Earlier(FirstSeen, record.Timestamp);
        LastSeen = Later(LastSeen, record.Timestamp);
    }
}
