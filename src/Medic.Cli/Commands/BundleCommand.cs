using System.CommandLine;
using Medic.Bundles;
using Medic.Bundles.Collect;
using Medic.Core.Engine;
using Medic.Core.Model;

namespace Medic.Cli.Commands;

/// <summary><c>medic bundle</c>: probe a system and pack the observations, live report and redacted files; <c>bundle inspect</c> lists one.</summary>
internal static class BundleCommand
{
    public static Command Create(CliContext cli)
    {
        var file = new Option<FileInfo>("--file", "-f") { Description = "The system file (medic.yaml)" };
        var output = new Option<FileInfo>("--output", "-o") { Description = "The bundle to write (FILE.tar.gz)" };
        var maxFile = CommonOptions.Size("--max-file-size", "Largest stored file; longer ones are cut and marked truncated (default 8MB)");
        var maxTotal = CommonOptions.Size("--max-total-size", "Largest bundle before compression (default 256MB)");
        var logLines = new Option<int?>("--log-lines") { Description = "Lines kept from the end of each log (default 1000)" };
        var redactHosts = new Option<FileInfo?>("--redact-hosts") { Description = "Also map host names and IP addresses to stand-ins; write the map to this file (kept outside the bundle)" };
        var runbooks = CommonOptions.Runbooks();
        var timeout = CommonOptions.Duration("--timeout", "Overall deadline for the probes (default 60s)");
        var probeTimeout = CommonOptions.Duration("--probe-timeout", "Timeout for each probe unless a check or component sets one (default 5s)");
        var command = new Command("bundle", "Probe a system and write a redacted diagnostic bundle that 'medic diagnose --bundle' reads offline")
        {
            file, output, maxFile, maxTotal, logLines, redactHosts, runbooks, timeout, probeTimeout,
            BundleInspectCommand.Create(cli),
        };
        command.SetAction((parse, ct) => Guard.RunAsync(cli, async token =>
        {
            if (parse.GetValue(file) is not { } systemFile || parse.GetValue(output) is not { } target)
            {
                throw new InputException(SourcePosition.Start("medic bundle"), "give the system file and the bundle to write: medic bundle -f medic.yaml -o FILE.tar.gz");
            }

            if (parse.GetValue(logLines) is < 1)
            {
                throw new InputException(SourcePosition.Start("--log-lines"), "--log-lines takes a positive number");
            }

            var system = cli.Runtime.LoadSystem(systemFile.FullName);
            var loaded = cli.Runtime.LoadRunbooks(parse.GetValue(runbooks) ?? []);
            var defaults = new DiagnoseOptions();
            var options = defaults with
            {
                Deadline = parse.GetValue(timeout) ?? defaults.Deadline,
                ProbeTimeout = parse.GetValue(probeTimeout) ?? defaults.ProbeTimeout,
            };
            var limits = new BundleLimits();
            var bundleOptions = new BundleOptions
            {
                Limits = limits with
                {
                    MaxFileBytes = parse.GetValue(maxFile) ?? limits.MaxFileBytes,
                    MaxTotalBytes = parse.GetValue(maxTotal) ?? limits.MaxTotalBytes,
                },
                LogLines = parse.GetValue(logLines) ?? 1000,
                RedactHosts = parse.GetValue(redactHosts) is not null,
            };
            var result = await BundleRunner.RunAsync(cli, system, loaded, options, bundleOptions, target.FullName, token).ConfigureAwait(false);
            if (parse.GetValue(redactHosts) is { } mapFile)
            {
                await HostMapFile.WriteAsync(mapFile.FullName, result.HostMap, token).ConfigureAwait(false);
            }

            BundleSummary.Write(cli, target.FullName, result, parse.GetValue(redactHosts)?.FullName);
            return ExitCodes.Healthy;
        }, ct));
        return command;
    }
}
