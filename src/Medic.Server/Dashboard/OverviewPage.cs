using System.Text;
using Medic.Server.Store;

namespace Medic.Server.Dashboard;

/// <summary>Every configured system with its status, open findings and its worst open finding.</summary>
internal static class OverviewPage
{
    public static string Render(IReadOnlyList<string> systems, HistoryStore store)
    {
        var open = store.Findings(status: StoredFinding.Open).GroupBy(f => f.System).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var b = new StringBuilder();
        b.Append("<h1>Systems</h1>");
        var failing = systems.Count(s => open.ContainsKey(s));
        b.Append("<p>").Append(systems.Count).Append(" system(s), ").Append(failing).Append(" with open findings.</p>");
        b.Append("<div class=\"table-wrap\"><table><caption class=\"meta\">Status of every configured system</caption><thead><tr>")
         .Append("<th scope=\"col\">System</th><th scope=\"col\">Status</th><th scope=\"col\">Open findings</th><th scope=\"col\">Worst open finding</th><th scope=\"col\">Last run</th>")
         .Append("</tr></thead><tbody>");
        foreach (var system in systems.Order(StringComparer.Ordinal))
        {
            var findings = open.GetValueOrDefault(system) ?? [];
            var last = store.Runs(system).LastOrDefault();
            var status = last is null ? "unknown" : findings.Count == 0 ? "ok" : "failing";
            var worst = findings.OrderByDescending(f => Html.Rank(f.Severity)).ThenBy(f => f.FirstSeen).FirstOrDefault();
            b.Append("<tr><th scope=\"row\"><a href=\"/ui/systems/").Append(Html.Seg(system)).Append("\">").Append(Html.E(system)).Append("</a></th>")
             .Append("<td><span class=\"status status-").Append(status).Append("\">").Append(status).Append("</span></td>")
             .Append("<td class=\"num\">").Append(findings.Count).Append("</td><td>");
            if (worst is not null)
            {
                b.Append(Html.Severity(worst.Severity)).Append(" <a href=\"/ui/findings/").Append(worst.Id).Append("\">").Append(Html.E(worst.Title)).Append("</a>")
                 .Append(" <span class=\"meta\">on ").Append(Html.E(worst.Component)).Append("</span>");
            }
            else
            {
                b.Append("—");
            }

            b.Append("</td><td>").Append(last is null ? "no run yet" : Html.Time(last.Started)).Append("</td></tr>");
        }

        b.Append("</tbody></table></div>");
        return Html.Page("Systems", [], b.ToString());
    }
}
