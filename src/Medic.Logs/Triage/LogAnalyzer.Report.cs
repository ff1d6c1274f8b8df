using Medic.Logs.Formats;

namespace Medic.Logs.Triage;

public sealed partial class LogAnalyzer
{
    public TriageReport Report()
    {
        _miner.Compact();
        var live = FinalTemplates().Where(s => s.Count > 0).ToList();
        var matches = live.ToDictionary(s => s, Match);
        var ranked = Rank(live).Take(Options.Top)
            .Concat(live.Where(s => matches[s].Count > 0))
            .Distinct()
            .Select(s => Summary(s, matches[s]))
            .ToList();
        var levels = Enumerable.Range(0, _levels.Length).Where(i => _levels[i] > 0)
            .ToDictionary(i => Severities.Name((LogSeverity)i), i => _levels[i]);
        var slow = _slow.Overall.Count == 0 ? null
            : new SlowSummary(SlowRequestStats.Latency("all", _slow.Overall), [.. _slow.Routes(Options.Top).Select(r => r with { Route = Redact(r.Route) })],
                [.. _slow.Slowest().Select(r => r with { Path = r.Path is null ? null : Redact(r.Path), Message = Redact(r.Message) })]);
        var hasBaseline = _sources.Any(s => s.Baseline);
        return new TriageReport(_sources, _lines, _records, levels, _first, _last, live.Count, ranked, _timeline.Buckets(), slow,
            hasBaseline ? Changes(live) : null);
    }

    /// <summary>Statistics per final template: a template the miner merged into another after the fact is folded into that one.</summary>
    private IEnumerable<TemplateStats> FinalTemplates() =>
        _stats.Values.GroupBy(s => s.Template.Canonical).Select(g => TemplateStats.Combine(g.Key, [.. g]));

    /// <summary>
    /// Errors first, then warnings, then the rest; within a class by the count at that level, weighted by recency: a template last seen at
    /// the end of the logs counts fully, one last seen at the start half.
    /// </summary>
    private IEnumerable<TemplateStats> Rank(List<TemplateStats> live) =>
        live.OrderByDescending(s => Class(s.Worst)).ThenByDescending(s => s.CountAt(s.Worst) * (0.5 + (0.5 * Recency(s)))).ThenBy(s => s.Template.Id);

    private static int Class(LogSeverity s) => s >= LogSeverity.Error ? 2 : s == LogSeverity.Warning ? 1 : 0;

    private double Recency(TemplateStats s)
    {
        if (s.LastSeen is { } last && _first is { } first && _last is { } end && end > first)
        {
            return (last - first) / (end - first);
        }

        return _records == 0 ? 1 : (double)s.LastOrdinal / _records;
    }

    /// <summary>Symptoms found in the message first (the template); only when none is, in the whole example line.</summary>
    private List<SymptomMatch> Match(TemplateStats s)
    {
        var hits = Options.Symptoms.Where(p => p.Matches(s.Template.Text) || p.Matches(s.ExampleMessage)).ToList();
        if (hits.Count == 0)
        {
            hits = [.. Options.Symptoms.Where(p => p.Matches(s.Example))];
        }

        return [.. hits.DistinctBy(p => p.Runbook.Id).Select(p => new SymptomMatch(p.Runbook.Id, p.Runbook.Title, p.Symptom, p.Runbook.Causes))];
    }

    private TemplateSummary Summary(TemplateStats s, List<SymptomMatch> runbooks) => new(
        s.Template.Id, Redact(s.Template.Text), s.Count, s.Worst,
        s.Levels.ToDictionary(l => Severities.Name(l.Level), l => l.Count),
        s.FirstSeen, s.LastSeen, s.FirstAt, s.LastAt, SlowRequestStats.Shorten(Redact(s.Example)), s.BaselineCount, runbooks,
        VariableValues.Summarize(s.Template, Options.TopValues, Options.Redact));

    /// <summary>
    /// Secret redaction of what the report shows: template texts, examples, routes and slow requests, once per item listed, never per
    /// line. The redactor must leave a value that is only <c>&lt;*&gt;</c> as it is (the Medic.Bundles redactor does), or templates lose
    /// their wildcards; a secret that is the same on every line stays in the template text until this point.
    /// </summary>
    private string Redact(string text) => Options.Redact is { } redact ? redact(text) : text;

    private readonly Dictionary<int, (string Text, string Cell)> _csvCells = [];

    /// <summary>The <c>EventTemplate</c> cell of a template for <see cref="WriteTemplates"/>: redacted and quoted once per template text.</summary>
    private string CsvText(int id)
    {
        var text = _byId[id].Text;
        if (!_csvCells.TryGetValue(id, out var known) || !ReferenceEquals(known.Text, text))
        {
            known = (text, Csv(Redact(text)));
            _csvCells[id] = known;
        }

        return known.Cell;
    }

    private List<BaselineChange> Changes(List<TemplateStats> live)
    {
        var now = Math.Max(_records, 1);
        var then = Math.Max(_baselineRecords, 1);
        return
        [
            .. live.Select(s => new BaselineChange(s.Template.Id, s.Template.Text, s.Count, s.BaselineCount, s.BaselineCount == 0,
                    ((double)s.Count / now) / (Math.Max(s.BaselineCount, 0.5) / then), s.Example))
                .Where(c => c.IsNew || c.Growth >= 2)
                .OrderByDescending(c => c.IsNew).ThenByDescending(c => c.Growth * Math.Log(1 + c.Count))
                .Take(Options.Top)
                .Select(c => c with { Template = Redact(c.Template), Example = SlowRequestStats.Shorten(Redact(c.Example)) }),
        ];
    }
}
