using Medic.Cli;
using Medic.Cli.Commands;

var cli = new CliContext(new MedicRuntime(), Console.Out, Console.Error, Medic.Cli.Rendering.Consoles.ErrorIsTerminal);
return await MedicCli.RunAsync(cli, args).ConfigureAwait(false);
