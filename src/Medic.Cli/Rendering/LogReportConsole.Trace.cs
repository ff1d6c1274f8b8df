using Medic.Logs.Triage;
using Spectre.Console;
using static Medic.Cli.Rendering.LogFormatting;

namespace Medic.Cli.Rendering;

internal sealed partial class LogReportConsole
{
    public void WriteTrace(string id, IReadOnlyList<TraceHit> hits, int files)
    {
        console.MarkupLine($"[bold]trace {Esc(id)}[/]: {Count(hits.Count)} lines in {hits.Select(h => h.Source).Distinct().Count()} of {files} files, in time order");
        foreach (var h in hits)
        {
            var (label, style) = Style(h.Severity);
            console.MarkupLine($"[dim]{Esc(Time(h.Timestamp))}[/] [{style}]{label,-7}[/] [dim]{Esc(h.Source)}:{h.Line}[/]");
            console.MarkupLine($"    {Esc(Cut(h.Text, _width - 4))}");
        }
    }
}
