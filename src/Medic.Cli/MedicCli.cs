using System.CommandLine;
using Medic.Cli.Commands;

namespace Medic.Cli;

/// <summary>The <c>medic</c> command tree and its invocation: parse errors exit 2, Ctrl+C cancels the running command.</summary>
internal static class MedicCli
{
    public static RootCommand Build(CliContext cli)
    {
        var root = new RootCommand("Medic: diagnose backend systems from troubleshooting runbooks")
        {
            DiagnoseCommand.Create(cli),
            CheckCommand.Create(cli),
            RunbooksCommand.Create(cli),
            DemoCommand.Create(cli),
            HoldLockCommand.Create(cli),
            ProbeTableCommand.Create(cli),
            ServeCommand.Create(cli),
            BundleCommand.Create(cli),
            ImportCommand.Create(cli),
            AskCommand.Create(cli),
            LogsCommand.Create(cli),
        };
        return root;
    }

    public static async Task<int> RunAsync(CliContext cli, string[] args)
    {
        var parse = Build(cli).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await cli.Stderr.WriteLineAsync($"medic: {error.Message}").ConfigureAwait(false);
            }

            await cli.Stderr.WriteLineAsync("Run 'medic --help' for usage.").ConfigureAwait(false);
            return ExitCodes.InputError;
        }

        var config = new InvocationConfiguration
        {
            Output = cli.Stdout,
            Error = cli.Stderr,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = TimeSpan.FromSeconds(3),
        };
        return await parse.InvokeAsync(config).ConfigureAwait(false);
    }
}
