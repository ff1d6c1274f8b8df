using System.CommandLine;
using Medic.Bundles;

namespace Medic.Cli.Commands;

/// <summary><c>medic bundle inspect FILE</c>: contents, sizes, redaction counts and failures, after checking the archive.</summary>
internal static class BundleInspectCommand
{
    public static Command Create(CliContext cli)
    {
        var bundle = new Argument<FileInfo>("bundle") { Description = "The bundle (FILE.tar.gz)" };
        var json = new Option<bool>("--json") { Description = "Print manifest.json instead of a table" };
        var command = new Command("inspect", "List a bundle's contents, sizes, redaction counts and what could not be collected") { bundle, json };
        command.SetAction((parse, ct) => Guard.RunAsync(cli, async _ =>
        {
            var path = parse.GetValue(bundle)!.FullName;
            var (manifest, files) = BundleGuard.Read(path);
            if (parse.GetValue(json))
            {
                await cli.Stdout.WriteLineAsync(files[Manifest.FileName]).ConfigureAwait(false);
            }
            else
            {
                BundleSummary.Inspect(cli, path, manifest);
            }

            return ExitCodes.Healthy;
        }, ct));
        return command;
    }
}
