using Medic.Logs.Formats;
using Medic.Logs.Triage;
using Spectre.Console;
using static Medic.Cli.Rendering.LogFormatting;

namespace Medic.Cli.Rendering;

/// <summary>The terminal triage report: summary, timeline sparkline, ranked templates with runbook links, changes, latency.</summary>
internal sealed partial class LogReportConsole(IAnsiConsole console)
{
    private const int MaxRunbooks = 3;
    private const int MaxVariables = 4;
    private readonly int _width = Math.Clamp(console.Profile.Width, 60, 160) - 1;

    public void Write(TriageReport report, bool slow)
    {
        WriteSummary(report);
        WriteTimeline(report.Timeline);
        WriteTemplates(report);
        if (report.Baseline is { } changes)
        {
            WriteBaseline(report, changes);
        }

        if (report.Slow is { } latency)
        {
            WriteSlow(latency, slow);
        }
        else if (slow)
        {
            console.MarkupLine("[dim]No durations found (duration/elapsed/latency/took fields, or $request_time in access logs).[/]");
        }
    }

    private void WriteSummary(TriageReport r)
    {
        var sources = r.Sources.Where(s => !s.Baseline).ToList();
        var formats = string.Join(", ", sources.GroupBy(s => s.Format).Select(g => $"{g.Key} {Count(g.Sum(s => s.Lines))}"));
        var files = sources.Count == 1 ? sources[0].Path : $"{sources.Count} files";
        console.MarkupLine($"[bold]medic logs[/] · {Esc(CutStart(files, _width - 50))} · {Esc(Span(r.First, r.Last))} UTC");
        console.MarkupLine($"[dim]lines by format: {Esc(Cut(formats, _width - 17))}[/]");
        console.MarkupLine(
            $"{Count(r.Records)} records · [red]{Count(r.Errors)} errors[/] · [yellow]{Count(r.Warnings)} warnings[/] · {Count(r.TemplateCount)} templates");
        console.WriteLine();
    }

    private void WriteTimeline(IReadOnlyList<TimeBucket> timeline)
    {
        if (timeline.Count < 2)
        {
            return;
        }

        var cells = Math.Min(_width - 28, 100);
        var perCell = Sparkline.MinutesPerCell(timeline.Count, timeline[0].Minutes, cells);
        console.MarkupLine($"[bold]Timeline[/] [dim]({Clock(timeline[0].Start)} → {Clock(timeline[^1].Start.AddMinutes(timeline[^1].Minutes))}, one cell = {perCell} min)[/]");
        console.MarkupLine($"  all      [blue]{Esc(Sparkline.Render([.. timeline.Select(b => b.Total)], cells))}[/]  peak {Count(timeline.Max(b => b.Total))}/min");
        console.MarkupLine($"  errors   [red]{Esc(Sparkline.Render([.. timeline.Select(b => b.Errors)], cells))}[/]  peak {Count(timeline.Max(b => b.Errors))}/min");
        console.MarkupLine($"  warnings [yellow]{Esc(Sparkline.Render([.. timeline.Select(b => b.Warnings)], cells))}[/]  peak {Count(timeline.Max(b => b.Warnings))}/min");
        console.WriteLine();
    }

    private void WriteTemplates(TriageReport r)
    {
        console.MarkupLine("[bold]Templates[/] [dim](errors and warnings first, by count and recency)[/]");
        foreach (var t in r.Templates)
        {
            var (label, style) = Style(t.Worst);
            var levels = string.Join(", ", t.Levels.Select(l => $"{l.Key} {Count(l.Value)}"));
            console.MarkupLine($"[{style}]{label,-7}[/] [bold]×{Count(t.Count)}[/]  {Esc(Cut(t.Template, _width - 18 - Count(t.Count).Length))}");
            console.MarkupLine($"[dim]        {Esc(Cut($"#{t.Id} · {Span(t.FirstSeen, t.LastSeen)} · {levels} · from {t.FirstAt}", _width - 8))}[/]");
            console.MarkupLine($"[dim]        e.g.[/] {Esc(Cut(t.Example, _width - 13))}");
            WriteVariables(t);
            foreach (var m in t.Runbooks.Take(MaxRunbooks))
            {
                console.MarkupLine($"        [green]↳ {Esc(m.RunbookId)}[/]: {Esc(Cut(m.RunbookTitle, Math.Max(10, _width - 12 - m.RunbookId.Length)))}");
                if (m.Causes.Count > 0)
                {
                    console.MarkupLine($"[dim]          causes: {Esc(Cut(string.Join(", ", m.Causes.Select(c => c.Id)), _width - 18))}[/]");
                    console.MarkupLine($"[dim]          fix:[/] {Esc(FirstFix(m.Causes, _width - 15))}");
                }
            }

            if (t.Runbooks.Count > MaxRunbooks)
            {
                console.MarkupLine($"[dim]          and {Esc(Cut(string.Join(", ", t.Runbooks.Skip(MaxRunbooks).Select(m => m.RunbookId)), _width - 18))}[/]");
            }
        }

        if (r.Templates.Count < r.TemplateCount)
        {
            console.MarkupLine($"[dim]… {Count(r.TemplateCount - r.Templates.Count)} more templates (--top N to list more, --format json for all fields)[/]");
        }

        console.WriteLine();
    }

    private void WriteVariables(TemplateSummary t)
    {
        foreach (var v in t.Variables.Take(MaxVariables))
        {
            console.MarkupLine($"[dim]        {Esc(SpreadFormatting.Line(v, _width - 8))}[/]");
        }

        if (t.Variables.Count > MaxVariables)
        {
            console.MarkupLine($"[dim]        … {t.Variables.Count - MaxVariables} more variables (--format json for all)[/]");
        }
    }

    private void WriteBaseline(TriageReport r, IReadOnlyList<BaselineChange> changes)
    {
        var old = r.Sources.Where(s => s.Baseline).ToList();
        console.MarkupLine($"[bold]Since the baseline[/] [dim]{Esc(Cut($"{string.Join(", ", old.Select(s => s.Path))}, {Count(old.Sum(s => s.Lines))} lines", _width - 20))}[/]");
        console.MarkupLine("[dim]  (NEW: absent then; ×N: share of lines now over share then)[/]");
        if (changes.Count == 0)
        {
            console.MarkupLine("  [green]No new templates, none grew twofold.[/]");
        }

        foreach (var c in changes)
        {
            var what = c.IsNew ? "[red]NEW[/]    " : $"[yellow]×{c.Growth,-6:0.#}[/]";
            console.MarkupLine($"  {what} {Count(c.Count),6} (was {Count(c.BaselineCount)})  {Esc(Cut(c.Template, _width - 32))}");
        }

        console.WriteLine();
    }

    private void WriteSlow(SlowSummary slow, bool detail)
    {
        var o = slow.Overall;
        console.MarkupLine($"[bold]Latency[/] [dim]of {Count(o.Count)} timed records[/]");
        console.MarkupLine($"  p50 {Ms(o.P50Ms)} · p95 {Ms(o.P95Ms)} · p99 {Ms(o.P99Ms)} · max {Ms(o.MaxMs)}");
        if (!detail)
        {
            console.MarkupLine("[dim]  --slow for routes and the slowest requests[/]");
            return;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumns("route", "count", "p50", "p95", "p99", "max");
        foreach (var route in slow.Routes)
        {
            table.AddRow(Esc(Cut(route.Route, _width - 50)), Count(route.Count), Ms(route.P50Ms), Ms(route.P95Ms), Ms(route.P99Ms), Ms(route.MaxMs));
        }

        console.Write(table);
        console.MarkupLine("[bold]Slowest[/]");
        foreach (var s in slow.Slowest)
        {
            var what = s.Path is not null ? $"{s.Method} {s.Path} {s.Status}" : s.Message;
            var id = s.RequestId is null ? "" : $" id={s.RequestId}";
            var where = $"{s.Source}:{s.Line}{id}";
            console.MarkupLine($"  {Ms(s.DurationMs),9}  {Esc(Cut(what, Math.Max(20, _width - 14 - where.Length)))}  [dim]{Esc(Cut(where, _width - 34))}[/]");
        }
    }

    private static (string Label, string Style) Style(LogSeverity s) => s switch
    {
        >= LogSeverity.Error => (Level(s), "red bold"),
        LogSeverity.Warning => (Level(s), "yellow"),
        _ => (Level(s), "blue"),
    };

    private static string Esc(string s) => Markup.Escape(s);
}
