using System.CommandLine;

namespace Medic.Cli.Commands;

/// <summary>Hidden: prints the README's probe table from the registry, so the README can be regenerated rather than retyped.</summary>
internal static class ProbeTableCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("__probe-table", "internal: the README's probe table in Markdown") { Hidden = true };
        command.SetAction(async (_, ct) =>
        {
            await cli.Stdout.WriteLineAsync("| probe | kinds | arguments (* required) | what it observes |\n|---|---|---|---|").ConfigureAwait(false);
            foreach (var p in cli.Runtime.Probes.All)
            {
                var args = p.Parameters.Count == 0 ? "—" : string.Join(", ", p.Parameters.Select(a => $"`{a.Name}`" + (a.Required ? "*" : "")));
                await cli.Stdout.WriteLineAsync($"| `{p.Name}` | {string.Join(", ", p.Kinds)} | {args} | {p.Description.Replace("|", "\\|", StringComparison.Ordinal)} |")
                    .ConfigureAwait(false);
            }

            return ExitCodes.Healthy;
        });
        return command;
    }
}
