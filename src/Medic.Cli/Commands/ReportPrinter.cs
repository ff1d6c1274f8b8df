using Medic.Cli.Rendering;
using Medic.Core.Engine;
using Medic.Core.Model;
using Medic.Core.Reports;

namespace Medic.Cli.Commands;

internal static class ReportPrinter
{
    public static async Task<int> PrintAsync(CliContext cli, Diagnosis diagnosis, ReportFormat format, SecretSet secrets, bool verbose)
    {
        switch (format)
        {
            case ReportFormat.Json:
                await cli.Stdout.WriteLineAsync(JsonReportWriter.Write(diagnosis.Report, secrets)).ConfigureAwait(false);
                break;
            case ReportFormat.Markdown:
                await cli.Stdout.WriteAsync(MarkdownReportWriter.Write(diagnosis.Report, secrets)).ConfigureAwait(false);
                break;
            default:
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
