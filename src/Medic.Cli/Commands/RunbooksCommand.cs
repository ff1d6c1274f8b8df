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
            // A list, not a table: descriptions stay readable in an 80-column terminal.
            cli.Out.MarkupLine($"[bold]{cli.Runtime.Probes.All.Count()} probes[/] (* marks a required argument)");
            foreach (var p in cli.Runtime.Probes.All)
            {
                var args = p.Parameters.Count == 0 ? "" : $" [dim]args:[/] {Markup.Escape(string.Join(", ", p.Parameters.Select(a => a.Required ? a.Name + "*" : a.Name)))}";
                cli.Out.MarkupLine($"  [bold]{Markup.Escape(p.Name)}[/] [dim]on[/] {Markup.Escape(string.Join(", ", p.Kinds))}{args}");
                cli.Out.Write(new Padder(new Text(p.Description), new Padding(6, 0, 0, 0)));
            }

            return Task.FromResult(ExitCodes.Healthy);
        }, ct));
        return command;
    }
}
