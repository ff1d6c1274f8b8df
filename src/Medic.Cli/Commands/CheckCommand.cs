using System.CommandLine;
using Medic.Core.Model;
using Medic.Core.Yaml;
using Medic.Knowledge.Runbooks;
using Medic.Knowledge.RunbookTests;
using YamlDotNet.RepresentationModel;

namespace Medic.Cli.Commands;

/// <summary><c>medic check FILE…</c>: validates system files, runbook files and runbook folders; every error with its position.</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext cli)
    {
        var paths = new Argument<string[]>("files") { Description = "System files, runbook files or runbook folders", Arity = ArgumentArity.OneOrMore };
        var command = new Command("check", "Validate system files and runbooks without running anything") { paths };
        command.SetAction((parse, ct) => Guard.RunAsync(cli, async _ =>
        {
            var errors = new List<InputError>();
            foreach (var path in parse.GetValue(paths) ?? [])
            {
                try
                {
                    var what = Check(cli, path);
                    await cli.Stdout.WriteLineAsync($"ok: {path} ({what})").ConfigureAwait(false);
                }
                catch (InputException e)
                {
                    errors.AddRange(e.Errors);
                }
            }

            if (errors.Count > 0)
            {
                throw new InputException(errors);
            }

            return ExitCodes.Healthy;
        }, ct));
        return command;
    }

    private static string Check(CliContext cli, string path)
    {
        var loader = new RunbookLoader(cli.Runtime.Probes, cli.Runtime.Kinds);
        if (Directory.Exists(path))
        {
            var sources = PackSources.FromDirectory(path);
            var runbooks = loader.Load(sources);
            var results = new RunbookTestRunner(cli.Runtime.Probes).Run(runbooks, RunbookTestLoader.Load(sources));
            var failed = results.Where(r => !r.Passed).Select(r => r.ToError()).ToList();
            if (failed.Count > 0)
            {
                throw new InputException(failed);
            }

            return $"{runbooks.Count} runbooks, {results.Count} fixture cases pass";
        }

        if (!File.Exists(path))
        {
            throw new InputException(SourcePosition.Start(path), "no such file or folder");
        }

        var yaml = YamlFile.Load(path);
        if (yaml.Documents.FirstOrDefault()?.RootNode is YamlMappingNode map
            && map.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value is "components" or "system"))
        {
            var system = cli.Runtime.LoadSystem(path);
            return $"system '{system.Name}', {system.Components.Count} components";
        }

        var pack = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? "local";
        var loaded = loader.Load([new RunbookSource(pack, path, File.ReadAllText(path))]);
        return loaded.Count == 1 ? $"runbook '{loaded[0].Id}'" : $"{loaded.Count} runbooks";
    }
}
