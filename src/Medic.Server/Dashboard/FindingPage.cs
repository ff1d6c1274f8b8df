using System.Text;
using Medic.Server.Store;

namespace Medic.Server.Dashboard;

/// <summary>One finding: its lifecycle, the latest explanation, evidence and fix, and the runs it held with their evidence.</summary>
internal static class FindingPage
{
    private const int HistoryRuns = 50;

    public static string Render(StoredFinding f, HistoryStore store)
    {
        var held = store.RunsHolding(f, HistoryRuns);
        var latest = held.Count > 0 ? store.FindingInRun(f, held[0].Id) : null;
        var b = new StringBuilder();
        b.Append("<h1>").Append(Html.E(f.Title)).Append("</h1>");
        b.Append("<dl class=\"facts\">")
         .Append("<dt>Status</dt><dd>").Append(Html.E(f.Status)).Append("</dd>")
         .Append("<dt>Severity</dt><dd>").Append(Html.Severity(f.Severity)).Append("</dd>")
         .Append("<dt>System</dt><dd><a href=\"/ui/systems/").Append(Html.Seg(f.System)).Append("\">").Append(Html.E(f.System)).Append("</a></dd>")
         .Append("<dt>Component</dt><dd>").Append(Html.E(f.Component)).Append("</dd>")
         .Append("<dt>Cause</dt><dd><code>").Append(Html.E(f.Cause)).Append("</code> (runbook <code>").Append(Html.E(f.Runbook)).Append("</code>)</dd>")
         .Append("<dt>First seen</dt><dd>").Append(Html.Time(f.FirstSeen)).Append("</dd>")
         .Append("<dt>Last seen</dt><dd>").Append(Html.Time(f.LastSeen)).Append("</dd>")
         .Append("<dt>Resolved</dt><dd>").Append(f.ResolvedAt is null ? "not yet" : Html.Time(f.ResolvedAt)).Append("</dd>")
         .Append("<dt>Runs held</dt><dd>").Append(f.RunCount).Append("</dd></dl>");
        b.Append("<section aria-labelledby=\"explanation\"><h2 id=\"explanation\">Explanation</h2>").Append(FindingView.Evidence(latest, "h2")).Append("</section>");
        b.Append("<section aria-labelledby=\"history\"><h2 id=\"history\">History</h2>");
        b.Append("<p class=\"meta\">The runs that held this finding, newest first").Append(held.Count < f.RunCount ? $" (the {held.Count} still kept)" : "").Append(".</p>");
        b.Append("<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">Run</th><th scope=\"col\">Started</th><th scope=\"col\">Evidence</th></tr></thead><tbody>");
        foreach (var run in held)
        {
            b.Append("<tr><td class=\"num\">").Append(run.Id).Append("</td><td>").Append(Html.Time(run.Started)).Append("</td><td><code>")
             .Append(Html.E(FindingView.EvidenceLine(store.FindingInRun(f, run.Id)))).Append("</code></td></tr>");
        }

        b.Append("</tbody></table></div></section>");
        return Html.Page(f.Title, [("Systems", "/ui/"), (f.System, $"/ui/systems/{Uri.EscapeDataString(f.System)}"), (f.Title, null)], b.ToString());
    }
}
