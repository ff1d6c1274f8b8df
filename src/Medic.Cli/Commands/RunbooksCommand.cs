using System.CommandLine;
using Spectre.Console;

namespace Medic.Cli.Commands;

internal static class RunbooksCommand
{
    public static Command Create(CliContext cli)
    {
        var runbooks = CommonOptions.Runbooks();
        var command = new Command("runbooks", "List runbook packs, their runbooks and causes, and the probes they can use") { runbooks };
        command.SetAction((parse, ct) => Guard.RunAsync(cli, _ =>
        {
            var loaded = cli.Runtime.LoadRunbooks(parse.GetValue(runbooks) ?? []);
            var table = new Table().Border(TableBorder.Simple).AddColumns("pack", "runbook", "applies to", "causes");
            foreach (var r in loaded.OrderBy(r => r.Pack, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal))
            {
                table.AddRow(Markup.Escape(r.Pack), Markup.Escape(r.Id), Markup.Escape(string.Join(", ", r.AppliesTo)),
                    Markup.Escape(string.Join(", ", r.Causes.Select(c => c.Id))));
            }

            cli.Out.MarkupLine($"[bold]{loaded.Count} runbooks[/] in {loaded.Select(r => r.Pack).Distinct().Count()} packs");
            cli.Out.Write(table);
            var probes = new Table().Border(TableBorder.Simple).AddColumns("probe", "kinds", "arguments", "what it measures");
            foreach (var p in cli.Runtime.Probes.All)
            {
                probes.AddRow(Markup.Escape(p.Name), Markup.Escape(string.Join(", ", p.Kinds)),
                    Markup.Escape(string.Join(", ", p.Parameters.Select(a => a.Required ? a.Name + "*" : a.Name))), Markup.Escape(p.Description));
            }

            cli.Out.MarkupLine("[bold]Probes[/]");
            cli.Out.Write(probes);
            return Task.FromResult(ExitCodes.Healthy);
        }, ct));
        return command;
    }
}
