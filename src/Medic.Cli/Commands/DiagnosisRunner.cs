using Medic.Cli.Rendering;
using Medic.Core.Engine;
using Medic.Core.Runbooks;
using Medic.Core.Systems;
using Spectre.Console;

namespace Medic.Cli.Commands;

/// <summary>Runs a diagnosis, with a progress display on stderr when stderr is a terminal.</summary>
internal static class DiagnosisRunner
{
    public static async Task<Diagnosis> RunAsync(
        CliContext cli,
        SystemDefinition system,
        IReadOnlyList<Runbook> runbooks,
        DiagnoseOptions options,
        CancellationToken cancellationToken)
    {
        var diagnoser = new Diagnoser(cli.Runtime.Probes, cli.Runtime.Time);
        if (!cli.Interactive)
        {
            return await diagnoser.RunAsync(system, runbooks, options, null, cancellationToken).ConfigureAwait(false);
        }

        Diagnosis? result = null;
        await ProgressDisplay.StartAsync(cli.Err, async ctx =>
        {
            var task = ctx.AddTask($"probing {system.Name}");
            result = await diagnoser.RunAsync(system, runbooks, options, new ProgressObserver(task), cancellationToken).ConfigureAwait(false);
            task.StopTask();
        }).ConfigureAwait(false);
        return result!;
    }
}
