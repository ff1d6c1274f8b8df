using Medic.Cli.Rendering;
using Medic.Core.Engine;
using Medic.Core.Model;
using Medic.Core.Reports;
using Spectre.Console;

namespace Medic.Cli.Commands;

internal static class ReportPrinter
{
    public static async Task<int> PrintAsync(CliContext cli, Diagnosis diagnosis, ReportFormat format, SecretSet secrets, bool verbose, OfflineSource? offline = null)
    {
        switch (format)
        {
            case ReportFormat.Json when offline is not null:
                await cli.Stdout.WriteLineAsync(offline.WriteJson(diagnosis.Report, secrets)).ConfigureAwait(false);
                break;
            case ReportFormat.Json:
                await cli.Stdout.WriteLineAsync(JsonReportWriter.Write(diagnosis.Report, secrets)).ConfigureAwait(false);
                break;
            case ReportFormat.Markdown:
                if (offline is not null)
                {
                    await cli.Stdout.WriteLineAsync($"> {offline.Describe()}\n").ConfigureAwait(false);
                }

                await cli.Stdout.WriteAsync(MarkdownReportWriter.Write(diagnosis.Report, secrets)).ConfigureAwait(false);
                break;
            default:
                if (offline is not null)
                {
                    cli.Out.MarkupLine($"[dim]{Markup.Escape(offline.Describe())}[/]");
                }

                new ConsoleReportWriter(cli.Out, secrets).Write(diagnosis, verbose);
                break;
        }

        if (format != ReportFormat.Console)
        {
            foreach (var w in diagnosis.Warnings)
            {
                await cli.Stderr.WriteLineAsync($"note: could not evaluate {w.Runbook} › {w.Cause} on {w.Component}: {w.Message}").ConfigureAwait(false);
            }
        }

        return diagnosis.Report.ExitCode;
    }
}
