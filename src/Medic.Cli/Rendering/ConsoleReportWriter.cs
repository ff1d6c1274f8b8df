using Medic.Core.Engine;
using Medic.Core.Model;
using Medic.Core.Reports;
using Spectre.Console;

namespace Medic.Cli.Rendering;

/// <summary>The terminal report: findings grouped by severity, each with explanation, evidence, fix and references.</summary>
internal sealed class ConsoleReportWriter(IAnsiConsole console, SecretSet secrets)
{
    // Our own wrapping stays inside the console's width, so Spectre never wraps a line a second time.
    private readonly int _width = Math.Clamp(console.Profile.Width, 60, 120) - 1;

    public void Write(Diagnosis diagnosis, bool verbose = false)
    {
        var report = diagnosis.Report;
        var s = report.Summary;
        console.MarkupLine($"[bold]Medic[/] · system [bold]{Esc(report.System)}[/] · {s.Probes} probes ({s.ProbeErrors} failed) in {Quantities.FormatDuration(TimeSpan.FromMilliseconds(report.DurationMs))}");
        console.WriteLine();
        if (report.Findings.Count == 0)
        {
            console.MarkupLine("[green]No cause holds.[/] Every runbook's checks came back clean.");
        }

        foreach (var f in report.Findings)
        {
            WriteFinding(f);
        }

        if (verbose || report.Observations.Any(o => o.Status != ObservationStatus.Ok))
        {
            WriteFailedProbes(report, verbose);
        }

        foreach (var w in diagnosis.Warnings)
        {
            console.MarkupLine($"[yellow]note:[/] could not evaluate {Esc(w.Runbook)} › {Esc(w.Cause)} on {Esc(w.Component)}: {Esc(w.Message)}");
        }

        console.MarkupLine(
            $"[bold]Summary:[/] {Count(s.Critical, "critical", "red bold")} · {Count(s.Error, "error", "red")} · {Count(s.Warning, "warning", "yellow")} · {Count(s.Info, "info", "blue")}");
    }

    private void WriteFinding(Finding f)
    {
        var (label, style) = Label(f.Severity);
        console.MarkupLine($"[{style}]{label}[/] [bold]{Esc(f.Title)}[/]");
        console.MarkupLine($"  [dim]{Esc(f.Runbook)} › {Esc(f.Cause)} · {Esc(f.Component)} · confidence {f.Confidence:0.##}[/]");
        foreach (var line in Wrap(f.Explanation, _width - 2))
        {
            console.MarkupLine($"  {Esc(line)}");
        }

        foreach (var e in f.Evidence)
        {
            var value = e.Value?.ToJsonString() ?? "null";
            var room = Math.Max(20, _width - 2 - "evidence ".Length - e.Path.Length - " = ".Length - e.Probe.Length - " ()".Length);
            if (value.Length > room)
            {
                value = value[..(room - 3)] + "...";
            }

            console.MarkupLine($"  [dim]evidence[/] {Esc(e.Path)} = [cyan]{Esc(secrets.Scrub(value))}[/] [dim]({Esc(e.Probe)})[/]");
        }

        var fixLines = Wrap(f.Fix, _width - 11);
        for (var i = 0; i < fixLines.Count; i++)
        {
            console.MarkupLine(i == 0 ? $"  [green]fix[/]      {Esc(fixLines[i])}" : $"           {Esc(fixLines[i])}");
        }

        foreach (var r in f.Refs)
        {
            console.MarkupLine($"  [dim]see[/]      {Esc(r)}");
        }

        foreach (var r in f.Related)
        {
            console.MarkupLine($"  [dim]also     {Esc(r.Runbook)} › {Esc(r.Cause)} · {Esc(r.Component)}: {Esc(r.Title)}[/]");
        }

        console.WriteLine();
    }

    private void WriteFailedProbes(Report report, bool all)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("probe", "component", "status", "ms", "detail");
        foreach (var o in report.Observations.Where(o => all || o.Status != ObservationStatus.Ok))
        {
            var status = ObservationJson.StatusName(o.Status);
            var color = o.Status == ObservationStatus.Ok ? "green" : "yellow";
            table.AddRow(Esc(o.Probe), Esc(o.Component), $"[{color}]{status}[/]", $"{o.DurationMs:0}",
                Esc(secrets.Scrub(o.Error is null ? "" : $"{o.Error.Kind}: {o.Error.Message}")));
        }

        console.MarkupLine(all ? "[bold]Probes[/]" : "[bold]Probes that failed[/] (causes that test for failure still apply)");
        console.Write(table);
        console.WriteLine();
    }

    private static (string Label, string Style) Label(Severity s) => s switch
    {
        Severity.Critical => ("CRITICAL", "white on red"),
        Severity.Error => ("ERROR   ", "red bold"),
        Severity.Warning => ("WARNING ", "yellow bold"),
        _ => ("INFO    ", "blue"),
    };

    private static string Count(int n, string what, string style) => n > 0 ? $"[{style}]{n} {what}[/]" : $"{n} {what}";

    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && line.Length + word.Length + 1 > width)
                {
                    lines.Add(line);
                    line = "";
                }

                line = line.Length == 0 ? word : $"{line} {word}";
            }

            lines.Add(line);
        }

        return lines;
    }

    private static string Esc(string s) => Markup.Escape(s);
}
