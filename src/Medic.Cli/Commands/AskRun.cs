using Medic.Core.Engine;
using Medic.Core.Model;
using Medic.Core.Reports;
using Medic.Knowledge.Index;

namespace Medic.Cli.Commands;

/// <summary>
/// <c>medic ask … --run -f medic.yaml</c>: runs the runbooks linked to the best answer (a pack entry is its own
/// runbook; a guide entry names the runbooks that cite it) against the system, and prints their report.
/// </summary>
internal static class AskRun
{
    /// <summary>The runbook ids of the first answer that has any, best answer first.</summary>
    public static IReadOnlyList<string> LinkedRunbooks(IReadOnlyList<SearchHit> hits)
    {
        foreach (var hit in hits)
        {
            var ids = hit.Runbooks.ToList();
            if (hit.Entry.Guide.StartsWith("pack:", StringComparison.Ordinal))
            {
                ids.Insert(0, hit.Entry.Anchor);
            }

            if (ids.Count > 0)
            {
                return [.. ids.Distinct(StringComparer.Ordinal)];
            }
        }

        return [];
    }

    public static async Task<int> RunAsync(CliContext cli, FileInfo systemFile, IReadOnlyList<SearchHit> hits, bool json, CancellationToken cancellationToken)
    {
        var system = cli.Runtime.LoadSystem(systemFile.FullName);
        var ids = LinkedRunbooks(hits);
        var runbooks = cli.Runtime.LoadRunbooks([]).Where(r => ids.Contains(r.Id, StringComparer.Ordinal)).ToList();
        if (runbooks.Count == 0)
        {
            await cli.Stderr.WriteLineAsync("medic ask: no runbook is linked to these answers; nothing to run").ConfigureAwait(false);
            return ExitCodes.Findings;
        }

        await cli.Stderr.WriteLineAsync($"medic ask: running {string.Join(", ", runbooks.Select(r => r.Id))} against {system.Name}").ConfigureAwait(false);
        var diagnosis = await DiagnosisRunner.RunAsync(cli, system, runbooks, new DiagnoseOptions(), cancellationToken).ConfigureAwait(false);
        return await ReportPrinter.PrintAsync(cli, diagnosis, json ? ReportFormat.Json : ReportFormat.Console, system.Secrets, verbose: false).ConfigureAwait(false);
    }
}
