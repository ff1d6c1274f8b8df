using Medic.Core.Engine;
using Medic.Core.Reports;

namespace Medic.Cli.Commands;

/// <summary><c>medic diagnose --bundle</c>: the same planner and evaluator as a live run, answered from the bundle's observations.</summary>
internal static class OfflineDiagnosis
{
    public static async Task<int> RunAsync(CliContext cli, string path, IEnumerable<string> extraRunbooks, ReportFormat format, bool verbose, CancellationToken cancellationToken)
    {
        var bundle = BundleGuard.Open(path);
        var loaded = cli.Runtime.LoadRunbooks(extraRunbooks);
        var diagnoser = new Diagnoser(cli.Runtime.Probes, cli.Runtime.Time, new StoredObservationSource(bundle.Observations));
        var diagnosis = await diagnoser.RunAsync(bundle.System, loaded, new DiagnoseOptions(), null, cancellationToken).ConfigureAwait(false);
        return await ReportPrinter.PrintAsync(cli, diagnosis, format, bundle.System.Secrets, verbose, new OfflineSource(path, bundle.Collected)).ConfigureAwait(false);
    }
}
