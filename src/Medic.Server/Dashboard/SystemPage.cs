using System.Text;
using Medic.Server.Store;

namespace Medic.Server.Dashboard;

/// <summary>One system: open findings with evidence and fix, components, a timeline of findings, probe latency charts, recent runs.</summary>
internal static class SystemPage
{
    private const int ChartRuns = 50;
    private const int MaxCharts = 24;

    public static string Render(string system, HistoryStore store, DateTimeOffset now)
    {
        var all = store.Findings(system);
        var open = all.Where(f => f.Status == StoredFinding.Open).OrderByDescending(f => Html.Rank(f.Severity)).ThenBy(f => f.FirstSeen).ToList();
        var runs = store.Runs(system);
        var latencies = store.Latencies(system, ChartRuns);
        var b = new StringBuilder();
        b.Append("<h1>").Append(Html.E(system)).Append("</h1><p>");
        b.Append(runs.Count == 0 ? "No run yet." : $"Last run {Html.Time(runs[^1].Started)} took {Html.E(Html.Ms(runs[^1].DurationMs))}.");
        b.Append(' ').Append(open.Count).Append(" open finding(s).</p>");

        b.Append("<section aria-labelledby=\"open\"><h2 id=\"open\">Open findings</h2>");
        if (open.Count == 0)
        {
            b.Append("<p>None: every runbook's causes were ruled out in the last run.</p>");
        }

        // An open finding was held by the system's last run (a run without it resolves it), so one report serves them all.
        var lastFindings = runs.Count > 0 ? store.FindingsOfRun(runs[^1].Id) : [];
        foreach (var f in open)
        {
            b.Append("<article class=\"finding\"><h3><a href=\"/ui/findings/").Append(f.Id).Append("\">").Append(Html.E(f.Title)).Append("</a></h3>")
             .Append("<p class=\"meta\">").Append(Html.Severity(f.Severity)).Append(" on <strong>").Append(Html.E(f.Component)).Append("</strong> · cause <code>")
             .Append(Html.E(f.Cause)).Append("</code> · open since ").Append(Html.Time(f.FirstSeen)).Append(" · ").Append(f.RunCount).Append(" run(s)</p>")
             .Append(FindingView.Evidence(HistoryStore.Match(lastFindings, f), "h4")).Append("</article>");
        }

        b.Append("</section>");
        Components(b, latencies, open);
        Timeline(b, all, now);
        Latency(b, latencies);
        Runs(b, runs);
        return Html.Page(system, [("Systems", "/ui/"), (system, null)], b.ToString());
    }

    private static void Components(StringBuilder b, IReadOnlyList<StoredObservation> latencies, List<StoredFinding> open)
    {
        b.Append("<section aria-labelledby=\"components\"><h2 id=\"components\">Components</h2>");
        var lastRun = latencies.Count == 0 ? -1 : latencies[^1].RunId;
        var last = latencies.Where(o => o.RunId == lastRun).GroupBy(o => o.Component).ToList();
        var names = last.Select(g => g.Key).Union(open.Select(f => f.Component)).Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            b.Append("<p>No probe has run yet.</p></section>");
            return;
        }

        b.Append("<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Component</th><th scope=\"col\">Open findings</th>")
         .Append("<th scope=\"col\">Probes in the last run</th><th scope=\"col\">Slowest probe</th></tr></thead><tbody>");
        foreach (var name in names)
        {
            var probes = last.FirstOrDefault(g => g.Key == name)?.ToList() ?? [];
            var failed = probes.Count(p => p.Status != "ok");
            b.Append("<tr><th scope=\"row\">").Append(Html.E(name)).Append("</th><td class=\"num\">").Append(open.Count(f => f.Component == name)).Append("</td><td>")
             .Append(probes.Count).Append(failed > 0 ? $", {failed} failed ({Html.E(string.Join(", ", probes.Where(p => p.Status != "ok").Select(p => $"{p.Probe}: {p.ErrorKind ?? p.Status}")))})" : "")
             .Append("</td><td>").Append(probes.Count == 0 ? "—" : Html.E(Html.Ms(probes.Max(p => p.DurationMs)))).Append("</td></tr>");
        }

        b.Append("</tbody></table></div></section>");
    }

    private static void Timeline(StringBuilder b, IReadOnlyList<StoredFinding> all, DateTimeOffset now)
    {
        b.Append("<section aria-labelledby=\"timeline\"><h2 id=\"timeline\">Timeline of findings</h2>");
        if (all.Count == 0)
        {
            b.Append("<p>No finding has been recorded for this system.</p></section>");
            return;
        }

        var recent = all.OrderByDescending(f => f.Id).Take(30).OrderBy(f => f.FirstSeen).ToList();
        b.Append(Charts.Timeline(recent, now));
        b.Append("<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Finding</th><th scope=\"col\">Severity</th><th scope=\"col\">Opened</th>")
         .Append("<th scope=\"col\">Resolved</th><th scope=\"col\">Runs held</th></tr></thead><tbody>");
        foreach (var f in recent.AsEnumerable().Reverse())
        {
            b.Append("<tr><td><a href=\"/ui/findings/").Append(f.Id).Append("\">").Append(Html.E(f.Title)).Append("</a> <span class=\"meta\">")
             .Append(Html.E(f.Component)).Append("</span></td><td>").Append(Html.Severity(f.Severity)).Append("</td><td>").Append(Html.Time(f.FirstSeen))
             .Append("</td><td>").Append(f.ResolvedAt is null ? "open" : Html.Time(f.ResolvedAt)).Append("</td><td class=\"num\">").Append(f.RunCount).Append("</td></tr>");
        }

        b.Append("</tbody></table></div></section>");
    }

    private static void Latency(StringBuilder b, IReadOnlyList<StoredObservation> latencies)
    {
        b.Append("<section aria-labelledby=\"latency\"><h2 id=\"latency\">Probe latency</h2>");
        if (latencies.Count == 0)
        {
            b.Append("<p>No probe timings recorded yet.</p></section>");
            return;
        }

        var all = latencies.GroupBy(o => (o.Component, o.Probe)).ToList();
        var shown = all
            .OrderByDescending(g => g.Any(o => o.Status != "ok"))
            .ThenByDescending(g => g.Max(o => o.DurationMs))
            .Take(MaxCharts)
            .OrderBy(g => g.Key.Component, StringComparer.Ordinal).ThenBy(g => g.Key.Probe, StringComparer.Ordinal)
            .ToList();
        b.Append("<p class=\"meta\">Duration of each probe over the last ").Append(ChartRuns).Append(" runs; red squares are failed invocations.");
        if (shown.Count < all.Count)
        {
            b.Append(" Showing ").Append(shown.Count).Append(" of ").Append(all.Count).Append(" series: those with failures first, then the slowest.");
        }

        b.Append("</p>");
        foreach (var series in shown)
        {
            b.Append("<h3>").Append(Html.E(series.Key.Component)).Append(" · <code>").Append(Html.E(series.Key.Probe)).Append("</code></h3>")
             .Append(Charts.Latency(series.Key.Component, series.Key.Probe, [.. series]));
        }

        b.Append("</section>");
    }

    private static void Runs(StringBuilder b, IReadOnlyList<StoredRun> runs)
    {
        b.Append("<section aria-labelledby=\"runs\"><h2 id=\"runs\">Recent runs</h2>");
        b.Append("<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Run</th><th scope=\"col\">Started</th><th scope=\"col\">Duration</th><th scope=\"col\">Findings</th></tr></thead><tbody>");
        foreach (var r in runs.Reverse().Take(10))
        {
            b.Append("<tr><td class=\"num\">").Append(r.Id).Append("</td><td>").Append(Html.Time(r.Started)).Append("</td><td class=\"num\">")
             .Append(Html.E(Html.Ms(r.DurationMs))).Append("</td><td class=\"num\">").Append(r.FindingCount).Append("</td></tr>");
        }

        b.Append("</tbody></table></div></section>");
    }
}
