using Medic.Knowledge.Guides;

namespace Medic.Cli.Commands;

internal static class ImportPrinter
{
    public static async Task PrintAsync(TextWriter o, GuideImport.Result result)
    {
        foreach (var g in result.Guides)
        {
            var problems = g.Entries.Count(e => e.Kind == EntryKind.Problem);
            var codes = g.Entries.Count(e => e.Kind == EntryKind.ErrorCode);
            await o.WriteLineAsync($"{g.Path}: \"{g.Title}\": {g.Entries.Count} entries ({problems} problems, {codes} error codes, {g.Entries.Count - problems - codes} other sections), {g.Warnings.Count} lint warnings").ConfigureAwait(false);
            foreach (var e in g.Entries)
            {
                var detail = e.Kind == EntryKind.ErrorCode
                    ? $"{e.Code}: {e.Message ?? e.Meaning}"
                    : $"{e.Section} [{e.Symptoms.Count} symptoms, {e.Causes.Count} causes, {e.Diagnostics.Count} commands, {e.Fixes.Count} fixes]";
                await o.WriteLineAsync($"  {e.Line,4}  {Kind(e.Kind),-8} {detail}").ConfigureAwait(false);
            }

            foreach (var w in g.Warnings)
            {
                await o.WriteLineAsync($"{g.Path}:{w.Line}: warning [{w.Rule}]: {w.Message}").ConfigureAwait(false);
                await o.WriteLineAsync($"    {w.Command}").ConfigureAwait(false);
                await o.WriteLineAsync($"    safe form: {w.SafeForm}").ConfigureAwait(false);
            }

            foreach (var r in g.Runbooks)
            {
                await o.WriteLineAsync($"  draft runbook: {r}").ConfigureAwait(false);
            }
        }

        if (result.Kb is not null)
        {
            await o.WriteLineAsync($"knowledge base: {result.Kb}").ConfigureAwait(false);
        }
    }

    private static string Kind(EntryKind kind) => kind switch
    {
        EntryKind.Problem => "problem",
        EntryKind.ErrorCode => "code",
        EntryKind.Runbook => "runbook",
        _ => "section",
    };
}
