using System.CommandLine;
using System.Text.Json;
using Medic.Core.Model;
using Medic.Knowledge.Index;

namespace Medic.Cli.Commands;

/// <summary><c>medic ask "TEXT"</c>: the knowledge-base entries that answer a symptom, a pasted error line or an error code.</summary>
internal static class AskCommand
{
    public static Command Create(CliContext cli)
    {
        var text = new Argument<string[]>("text") { Description = "A symptom, an error message or log line, or an error code", Arity = ArgumentArity.OneOrMore };
        var kb = KnowledgeOptions.Kb();
        var format = KnowledgeOptions.Format();
        var count = new Option<int>("-n", "--limit") { Description = "How many entries to show (default 3)", DefaultValueFactory = _ => 3 };
        var run = new Option<bool>("--run") { Description = "Run the runbooks linked to the best answer against the system given with -f, and print their report" };
        var file = new Option<FileInfo?>("--file", "-f") { Description = "The system file (medic.yaml) for --run" };
        var command = new Command("ask", "Search the knowledge base (imported guides and runbook packs)") { text, kb, format, count, run, file };
        command.SetAction((parse, ct) => Guard.RunAsync(cli, async token =>
        {
            var query = string.Join(' ', parse.GetValue(text) ?? []).Trim();
            var limit = parse.GetValue(count);
            if (query.Length == 0 || limit is < 1 or > 50)
            {
                throw new InputException(SourcePosition.Start("<command line>"), query.Length == 0 ? "ask needs some text to look for" : "-n takes 1 to 50");
            }

            if (parse.GetValue(run) && parse.GetValue(file) is null)
            {
                throw new InputException(SourcePosition.Start("<command line>"), "--run needs the system file: -f medic.yaml");
            }

            var path = KnowledgeSetup.PathFor(cli, parse.GetValue(kb));
            using var store = KnowledgeSetup.Open(path);
            if (store.Count() == 0)
            {
                var added = KnowledgeSetup.AddBuiltIns(cli, store, guides: true);
                await cli.Stderr.WriteLineAsync(
                    $"medic: the knowledge base {path} was empty; indexed the built-in runbook packs and the bundled seed guides ({added} entries).\n" +
                    $"       Add your own guides with: medic import GUIDE.md… --kb {path}").ConfigureAwait(false);
            }

            var hits = store.Search(query, limit);
            if (parse.GetValue(run))
            {
                // the answers go to stderr so stdout holds only the report (JSON stays one document)
                await AskPrinter.PrintAsync(cli.Stderr, query, hits).ConfigureAwait(false);
                return await AskRun.RunAsync(cli, parse.GetValue(file)!, hits, parse.GetValue(format) == "json", token).ConfigureAwait(false);
            }

            if (parse.GetValue(format) == "json")
            {
                var json = new { query, kb = path, results = Results(hits) };
                await cli.Stdout.WriteLineAsync(JsonSerializer.Serialize(json, ImportCommand.Json)).ConfigureAwait(false);
            }
            else
            {
                await AskPrinter.PrintAsync(cli.Stdout, query, hits).ConfigureAwait(false);
            }

            return hits.Count > 0 ? ExitCodes.Healthy : ExitCodes.Findings;
        }, ct));
        return command;
    }

    /// <summary>The ranked hits as JSON objects: what <c>ask --format json</c> prints and <c>/api/kb</c> answers.</summary>
    public static IReadOnlyList<object> Results(IReadOnlyList<SearchHit> hits) =>
        [.. hits.Select((h, i) => (object)new { rank = i + 1, score = h.ExactCode ? (double?)null : Math.Round(h.Score, 3), exact_code = h.ExactCode, snippet = h.Snippet, runbooks = h.Runbooks, entry = h.Entry })];
}
