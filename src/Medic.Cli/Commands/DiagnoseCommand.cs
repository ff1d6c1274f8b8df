using System.CommandLine;
using Medic.Core.Engine;
using Medic.Core.Model;

namespace Medic.Cli.Commands;

internal static class DiagnoseCommand
{
    public static Command Create(CliContext cli)
    {
        var file = new Option<FileInfo>("--file", "-f") { Description = "The system file (medic.yaml)" };
        var bundle = new Option<FileInfo>("--bundle") { Description = "Diagnose offline from a bundle made by 'medic bundle' (no probe runs)" };
        var format = CommonOptions.Format();
        var runbooks = CommonOptions.Runbooks();
        var timeout = CommonOptions.Duration("--timeout", "Overall deadline for the run (default 60s)");
        var probeTimeout = CommonOptions.Duration("--probe-timeout", "Timeout for each probe unless a check or component sets one (default 5s)");
        var verbose = CommonOptions.Verbose();
        var command = new Command("diagnose", "Probe a system and report which causes hold, with evidence and fixes")
        {
            file, bundle, format, runbooks, timeout, probeTimeout, verbose,
        };
        command.SetAction((parse, ct) => Guard.RunAsync(cli, async token =>
        {
            if ((parse.GetValue(file) is null) == (parse.GetValue(bundle) is null))
            {
                throw new InputException(SourcePosition.Start("medic diagnose"), "give either a system file (-f medic.yaml) or a bundle (--bundle FILE.tar.gz)");
            }

            if (parse.GetValue(bundle) is { } bundleFile)
            {
                return await OfflineDiagnosis.RunAsync(cli, bundleFile.FullName, parse.GetValue(runbooks) ?? [], parse.GetValue(format), parse.GetValue(verbose), token)
                    .ConfigureAwait(false);
            }

            var system = cli.Runtime.LoadSystem(parse.GetValue(file)!.FullName);
            var loaded = cli.Runtime.LoadRunbooks(parse.GetValue(runbooks) ?? []);
            var defaults = new DiagnoseOptions();
            var options = defaults with
            {
                Deadline = parse.GetValue(timeout) ?? defaults.Deadline,
                ProbeTimeout = parse.GetValue(probeTimeout) ?? defaults.ProbeTimeout,
            };
            var diagnosis = await DiagnosisRunner.RunAsync(cli, system, loaded, options, token).ConfigureAwait(false);
            return await ReportPrinter.PrintAsync(cli, diagnosis, parse.GetValue(format), system.Secrets, parse.GetValue(verbose)).ConfigureAwait(false);
        }, ct));
        return command;
    }
}
