using System.CommandLine;
using Medic.Cli.Demo;
using Medic.Core.Engine;
using Medic.Core.Reports;
using Spectre.Console;

namespace Medic.Cli.Commands;

/// <summary><c>medic demo</c>: builds a real broken system in a temporary folder, diagnoses it, and cleans up.</summary>
internal static class DemoCommand
{
    public static Command Create(CliContext cli)
    {
        var format = CommonOptions.Format();
        var keep = new Option<bool>("--keep") { Description = "Leave the demo folder in place (the processes still stop)" };
        var verbose = CommonOptions.Verbose();
        var command = new Command("demo", "Build a broken system from real parts in a temporary folder and diagnose it") { format, keep, verbose };
        command.SetAction((parse, ct) => Guard.RunAsync(cli, async token =>
        {
            var reportFormat = parse.GetValue(format);
            await using var demo = await DemoSystem.CreateAsync(parse.GetValue(keep), token).ConfigureAwait(false);
            if (reportFormat == ReportFormat.Console)
            {
                cli.Out.MarkupLine($"[dim]Built a demo system in {Markup.Escape(demo.Folder)}: an HTTP API, a SQLite database, a config file and the host it runs on.[/]");
                cli.Out.WriteLine();
            }

            var system = cli.Runtime.LoadSystem(demo.SystemFile);
            var runbooks = cli.Runtime.LoadRunbooks([]);
            var diagnosis = await DiagnosisRunner.RunAsync(cli, system, runbooks, new DiagnoseOptions(), token).ConfigureAwait(false);
            var code = await ReportPrinter.PrintAsync(cli, diagnosis, reportFormat, system.Secrets, parse.GetValue(verbose)).ConfigureAwait(false);
            if (parse.GetValue(keep))
            {
                await cli.Stderr.WriteLineAsync($"Kept {demo.Folder} (its lock holder and API have stopped).").ConfigureAwait(false);
            }

            return code;
        }, ct));
        return command;
    }
}
