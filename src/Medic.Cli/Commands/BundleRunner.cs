using Medic.Bundles;
using Medic.Bundles.Collect;
using Medic.Cli.Rendering;
using Medic.Core.Engine;
using Medic.Core.Runbooks;
using Medic.Core.Systems;
using Spectre.Console;

namespace Medic.Cli.Commands;

/// <summary>Makes a bundle, with a progress display on stderr when stderr is a terminal. A failed bundle leaves no partial file.</summary>
internal static class BundleRunner
{
    public static async Task<BundleResult> RunAsync(
        CliContext cli,
        SystemDefinition system,
        IReadOnlyList<Runbook> runbooks,
        DiagnoseOptions options,
        BundleOptions bundle,
        string target,
        CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { Timeout = Timeout.InfiniteTimeSpan };
        var builder = new BundleBuilder(cli.Runtime.Probes, cli.Runtime.Time, http);
        var partial = target + ".partial";
        try
        {
            BundleResult result;
            await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                if (!cli.Interactive)
                {
                    result = await builder.CreateAsync(system, runbooks, options, bundle, stream, cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    BundleResult? shown = null;
                    await ProgressDisplay.StartAsync(cli.Err, async ctx =>
                        {
                            var probes = ctx.AddTask($"probing {system.Name}");
                            var steps = ctx.AddTask("collecting", maxValue: system.Components.Count + 3);
                            shown = await builder.CreateAsync(system, runbooks, options, bundle, stream, new ProgressObserver(probes),
                                s =>
                                {
                                    steps.Description = Markup.Escape(s);
                                    steps.Increment(1);
                                }, cancellationToken).ConfigureAwait(false);
                            probes.StopTask();
                            steps.StopTask();
                        }).ConfigureAwait(false);
                    result = shown!;
                }
            }

            File.Move(partial, target, overwrite: true);
            return result;
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
