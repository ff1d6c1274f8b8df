using Medic.Core.Engine;
using Medic.Core.Model;
using Medic.Core.Runbooks;
using Medic.Server.Scheduling;

namespace Medic.Cli.Commands;

/// <summary>
/// Runs the systems named by the files given to <c>medic serve</c>. Each run reads its system file again,
/// so an edited file takes effect on the next run without a restart.
/// </summary>
internal sealed class ServeSystemRunner : ISystemRunner
{
    private readonly CliContext _cli;
    private readonly IReadOnlyList<Runbook> _runbooks;
    private readonly DiagnoseOptions _options;
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    public ServeSystemRunner(CliContext cli, IEnumerable<string> files, IReadOnlyList<Runbook> runbooks, DiagnoseOptions options)
    {
        _cli = cli;
        _runbooks = runbooks;
        _options = options;
        foreach (var file in files)
        {
            _files[cli.Runtime.LoadSystem(file).Name] = file;
        }
    }

    public IReadOnlyList<string> Systems => [.. _files.Keys];

    public async Task<(Report Report, SecretSet Secrets)> RunAsync(string system, CancellationToken cancellationToken)
    {
        var definition = _cli.Runtime.LoadSystem(_files[system]);
        var diagnoser = new Diagnoser(_cli.Runtime.Probes, _cli.Runtime.Time);
        var diagnosis = await diagnoser.RunAsync(definition, _runbooks, _options, null, cancellationToken).ConfigureAwait(false);
        return (diagnosis.Report, definition.Secrets);
    }
}
