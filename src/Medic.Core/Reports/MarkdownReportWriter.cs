using System.Text;
using Medic.Core.Model;

namespace Medic.Core.Reports;

/// <summary>A Markdown report for tickets and chat: findings by severity with evidence and fix, then the probes.</summary>
public static class MarkdownReportWriter
{
    public static string Write(Report report, SecretSet secrets)
    {
        var sb = new StringBuilder();
        var s = report.Summary;
        sb.AppendLine($"# Medic report: {report.System}").AppendLine();
        sb.AppendLine($"{report.Started.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC · {s.Probes} probes ({s.ProbeErrors} failed) in {Quantities.FormatDuration(TimeSpan.FromMilliseconds(report.DurationMs))}").AppendLine();
        sb.AppendLine($"**{s.Critical} critical · {s.Error} error · {s.Warning} warning · {s.Info} info**").AppendLine();
        if (report.Findings.Count == 0)
        {
            sb.AppendLine("No cause holds: nothing found at any severity.").AppendLine();
        }

        foreach (var group in report.Findings.GroupBy(f => f.Severity))
        {
            sb.AppendLine($"## {Title(SeverityNames.Of(group.Key))}").AppendLine();
            foreach (var f in group)
            {
                sb.AppendLine($"### {Escape(f.Title)}").AppendLine();
                sb.AppendLine($"`{f.Runbook}` › `{f.Cause}` on **{Escape(f.Component)}** (confidence {f.Confidence:0.##})").AppendLine();
                sb.AppendLine(f.Explanation).AppendLine();
                if (f.Evidence.Count > 0)
                {
                    sb.AppendLine("| probe | path | value |").AppendLine("|---|---|---|");
                    foreach (var e in f.Evidence)
                    {
                        sb.AppendLine($"| `{e.Probe}` | `{e.Path}` | `{Cell(e.Value?.ToJsonString() ?? "null")}` |");
                    }

                    sb.AppendLine();
                }

                sb.AppendLine($"**Fix:** {f.Fix}").AppendLine();
                if (f.Refs.Count > 0)
                {
                    sb.AppendLine($"**See:** {string.Join(" · ", f.Refs)}").AppendLine();
                }

                foreach (var r in f.Related)
                {
                    sb.AppendLine($"*Also (folded, more generic):* `{r.Runbook}` › `{r.Cause}` on **{Escape(r.Component)}**: {Escape(r.Title)}").AppendLine();
                }
            }
        }

        sb.AppendLine("## Probes").AppendLine().AppendLine("| probe | component | status | ms | error |").AppendLine("|---|---|---|---:|---|");
        foreach (var o in report.Observations)
        {
            var status = o.Status.ToString().ToLowerInvariant();
            sb.AppendLine($"| `{o.Probe}` | {Escape(o.Component)} | {status} | {o.DurationMs:0} | {Cell(o.Error is null ? "" : $"{o.Error.Kind}: {o.Error.Message}")} |");
        }

        return secrets.Scrub(sb.ToString());
    }

    private static string Title(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal);

    private static string Cell(string s)
    {
        var one = s.Replace("\n", " ", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);
        return one.Length > 120 ? one[..117] + "..." : one;
    }
}
