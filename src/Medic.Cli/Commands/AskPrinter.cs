using Medic.Knowledge.Guides;
using Medic.Knowledge.Index;

namespace Medic.Cli.Commands;

internal static class AskPrinter
{
    public static async Task PrintAsync(TextWriter o, string query, IReadOnlyList<SearchHit> hits)
    {
        if (hits.Count == 0)
        {
            await o.WriteLineAsync($"No entry matches \"{query}\". Try other words, or import the guide that covers it (medic import GUIDE.md).").ConfigureAwait(false);
            return;
        }

        for (var i = 0; i < hits.Count; i++)
        {
            var h = hits[i];
            var e = h.Entry;
            var kind = e.Kind switch { EntryKind.ErrorCode => "error code", EntryKind.Runbook => "runbook", EntryKind.Problem => "problem", _ => "section" };
            var where = e.Kind == EntryKind.Runbook ? $"pack {e.SectionPath[0]}" : $"{e.Guide}:{e.Line}";
            await o.WriteLineAsync($"{i + 1}. {e.Title}  ({kind}, {where}{(h.ExactCode ? ", exact code match" : "")})").ConfigureAwait(false);
            if (e.Kind != EntryKind.Runbook)
            {
                await o.WriteLineAsync($"   section: {e.Section}  #{e.Anchor}").ConfigureAwait(false);
            }

            if (!h.ExactCode)
            {
                await o.WriteLineAsync($"   match:   {h.Snippet.ReplaceLineEndings(" ")}").ConfigureAwait(false);
            }

            await List(o, "causes:  ", e.Causes, 4).ConfigureAwait(false);
            await List(o, "fix:     ", e.Fixes, 3).ConfigureAwait(false);
            var commands = e.Diagnostics.Where(d => d.Language is "shell" or "sql").Take(3).Select(d => d.Command.Split('\n')[0]).ToList();
            await List(o, "check:   ", commands, 3).ConfigureAwait(false);
            if (h.Runbooks.Count > 0)
            {
                await o.WriteLineAsync($"   runbook: {string.Join(", ", h.Runbooks)} (medic diagnose runs it)").ConfigureAwait(false);
            }

            await o.WriteLineAsync().ConfigureAwait(false);
        }
    }

    private static async Task List(TextWriter o, string label, IReadOnlyList<string> items, int max)
    {
        if (items.Count == 0)
        {
            return;
        }

        var shown = items.Take(max).Select(s => s.Length > 110 ? s[..109] + "…" : s).ToList();
        await o.WriteLineAsync($"   {label}{shown[0]}").ConfigureAwait(false);
        foreach (var item in shown.Skip(1))
        {
            await o.WriteLineAsync($"   {new string(' ', label.Length)}{item}").ConfigureAwait(false);
        }

        if (items.Count > max)
        {
            await o.WriteLineAsync($"   {new string(' ', label.Length)}(+{items.Count - max} more; --format json shows all)").ConfigureAwait(false);
        }
    }
}
