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

    /// <summary>file:line of the first and the last record.</summary>
    public string FirstAt { get; private set; } = "";

    public string LastAt { get; private set; } = "";

    /// <summary>The first record's line at the template's worst level.</summary>
    public string Example { get; private set; } = "";

    /// <summary>The example record's message (without timestamp, level and fields).</summary>
    public string ExampleMessage { get; private set; } = "";

    public LogSeverity Worst { get; private set; }

    /// <summary>Input order of the last record, for recency when records have no timestamps.</summary>
    public long LastOrdinal { get; private set; }

    public List<SymptomPattern> Symptoms { get; } = [];

    public IEnumerable<(LogSeverity Level, long Count)> Levels =>
        _levels.Select((n, i) => ((LogSeverity)i, n)).Where(l => l.n > 0).OrderByDescending(l => l.Item1);

    public long CountAt(LogSeverity level) => _levels[(int)level];

    public void AddBaseline() => BaselineCount++;

    public void Add(LogRecord record, long ordinal)
    {
        ArgumentNullException.ThrowIfNull(record);
        Count++;
        _levels[(int)record.Severity]++;
        var at = $"{record.Source}:{record.LineNumber}";
        if (Count == 1)
        {
            FirstAt = at;
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

        LastAt = at;
        LastOrdinal = ordinal;
        if (record.Timestamp is { } t)
        {
            FirstSeen = FirstSeen is null || t < FirstSeen ? t : FirstSeen;
            LastSeen = LastSeen is null || t > LastSeen ? t : LastSeen;
        }
    }
}
