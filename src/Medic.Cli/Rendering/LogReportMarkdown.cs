using System.Text;
using Medic.Logs.Triage;
using static Medic.Cli.Rendering.LogFormatting;

namespace Medic.Cli.Rendering;

/// <summary><c>medic logs --format markdown</c>: the report as Markdown tables, for tickets and chat.</summary>
internal static class LogReportMarkdown
{
    public static string Write(TriageReport r, bool slow)
    {
        var md = new StringBuilder();
        md.AppendLine("# Log triage").AppendLine();
        md.AppendLine($"{Count(r.Records)} records from {r.Sources.Count(s => !s.Baseline)} file(s), {Span(r.First, r.Last)} UTC: "
                      + $"**{Count(r.Errors)} errors**, {Count(r.Warnings)} warnings, {Count(r.TemplateCount)} templates.").AppendLine();
        md.AppendLine("| file | format | lines |").AppendLine("|---|---|---:|");
        foreach (var s in r.Sources)
        {
            md.AppendLine($"| {Cell(s.Path)}{(s.Baseline ? " (baseline)" : "")} | {s.Format} | {Count(s.Lines)} |");
        }

        if (r.Timeline.Count > 1)
        {
            md.AppendLine().AppendLine($"Timeline ({Clock(r.Timeline[0].Start)} → {Clock(r.Timeline[^1].Start)}): errors `{Sparkline.Render([.. r.Timeline.Select(b => b.Errors)], 60)}`, all `{Sparkline.Render([.. r.Timeline.Select(b => b.Total)], 60)}`");
        }

        md.AppendLine().AppendLine("## Templates").AppendLine();
        md.AppendLine("| level | count | first → last | template | example | values | runbook |").AppendLine("|---|---:|---|---|---|---|---|");
        foreach (var t in r.Templates)
        {
            var runbooks = string.Join("<br>", t.Runbooks.Select(m => $"`{m.RunbookId}` {Cell(m.RunbookTitle)}"));
            md.AppendLine($"| {Level(t.Worst)} | {Count(t.Count)} | {Span(t.FirstSeen, t.LastSeen)} | `{Code(Cut(t.Template, 160))}` | {Cell(t.FirstAt)}: `{Code(Cut(t.Example, 160))}` | {Values(t)} | {runbooks} |");
        }

        if (r.Baseline is { } changes)
        {
            md.AppendLine().AppendLine("## Since the baseline").AppendLine();
            md.AppendLine("| change | count | baseline | template |").AppendLine("|---|---:|---:|---|");
            foreach (var c in changes)
            {
                md.AppendLine($"| {(c.IsNew ? "new" : $"×{c.Growth:0.#}")} | {Count(c.Count)} | {Count(c.BaselineCount)} | `{Code(Cut(c.Template, 160))}` |");
            }
        }

        if (r.Slow is { } latency)
        {
            var o = latency.Overall;
            md.AppendLine().AppendLine("## Latency").AppendLine();
            md.AppendLine($"{Count(o.Count)} timed records: p50 {Ms(o.P50Ms)}, p95 {Ms(o.P95Ms)}, p99 {Ms(o.P99Ms)}, max {Ms(o.MaxMs)}.");
            if (slow)
            {
                md.AppendLine().AppendLine("| route | count | p50 | p95 | p99 | max |").AppendLine("|---|---:|---:|---:|---:|---:|");
                foreach (var x in latency.Routes)
                {
                    md.AppendLine($"| `{Code(x.Route)}` | {Count(x.Count)} | {Ms(x.P50Ms)} | {Ms(x.P95Ms)} | {Ms(x.P99Ms)} | {Ms(x.MaxMs)} |");
                }

                md.AppendLine().AppendLine("| duration | request | where |").AppendLine("|---:|---|---|");
                foreach (var s in latency.Slowest)
                {
                    md.AppendLine($"| {Ms(s.DurationMs)} | `{Code(s.Path is null ? s.Message : $"{s.Method} {s.Path} {s.Status}")}` | {Cell(s.Source)}:{s.Line} |");
                }
            }
        }

        return md.ToString();
    }

    public static string WriteTrace(string id, IReadOnlyList<TraceHit> hits)
    {
        var md = new StringBuilder($"# Trace `{Code(id)}`\n\n| time | level | where | line |\n|---|---|---|---|\n");
        foreach (var h in hits)
        {
            md.AppendLine($"| {Time(h.Timestamp)} | {Level(h.Severity)} | {Cell(h.Source)}:{h.Line} | `{Code(Cut(h.Text, 300))}` |");
        }

        return md.ToString();
    }

    /// <summary>Per variable: <c>&lt;*&gt;#1</c>, distinct count and the top values, one per cell line.</summary>
    private static string Values(TemplateSummary t) =>
        string.Join("<br>", t.Variables.Select(v => $"`{Code(SpreadFormatting.Label(v))}` {SpreadFormatting.Distinct(v)}: `{Code(SpreadFormatting.Values(v, 120))}`"));

    private static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Code(string s) => s.Replace("`", "'", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
}
