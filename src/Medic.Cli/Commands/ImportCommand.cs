using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Medic.Knowledge.Guides;

namespace Medic.Cli.Commands;

/// <summary><c>medic import GUIDE.md…</c>: splits guides into entries, lints their commands, stores them in the knowledge base and optionally drafts runbooks.</summary>
internal static class ImportCommand
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static Command Create(CliContext cli)
    {
        var files = new Argument<string[]>("guides") { Description = "Markdown troubleshooting guides", Arity = ArgumentArity.OneOrMore };
        var kb = KnowledgeOptions.Kb();
        var runbooks = new Option<string?>("--runbooks") { Description = "Write draft runbooks (one pack folder per guide) into this folder" };
        var format = KnowledgeOptions.Format();
        var command = new Command("import", "Import Markdown guides into the knowledge base (and draft runbooks from them)") { files, kb, runbooks, format };
        command.SetAction((parse, ct) => Guard.RunAsync(cli, async _ =>
        {
            var guides = (parse.GetValue(files) ?? []).Select(GuideImporter.Load).ToList();
            var imported = new GuideImport(cli, parse.GetValue(kb), parse.GetValue(runbooks));
            var result = imported.Run(guides);
            if (parse.GetValue(format) == "json")
            {
                await cli.Stdout.WriteLineAsync(JsonSerializer.Serialize(result, Json)).ConfigureAwait(false);
            }
            else
            {
                await ImportPrinter.PrintAsync(cli.Stdout, result).ConfigureAwait(false);
            }

            return ExitCodes.Healthy;
        }, ct));
        return command;
    }
}
