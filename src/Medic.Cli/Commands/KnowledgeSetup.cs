using Medic.Core.Model;
using Medic.Knowledge.Guides;
using Medic.Knowledge.Index;
using Microsoft.Data.Sqlite;

namespace Medic.Cli.Commands;

/// <summary>Opens the knowledge base for a command, and fills a new one with the built-in packs and bundled seed guides.</summary>
internal static class KnowledgeSetup
{
    public static string PathFor(CliContext cli, string? kb) => kb ?? KnowledgeBase.DefaultPath(cli.Runtime.Environment);

    public static KnowledgeBase Open(string path)
    {
        try
        {
            return KnowledgeBase.Open(path);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new InputException(SourcePosition.Start(path), $"cannot open the knowledge base: {e.Message}");
        }
    }

    /// <summary>Indexes the built-in runbook packs (replacing older copies) and, into an empty base, the bundled seed guides.</summary>
    public static int AddBuiltIns(CliContext cli, KnowledgeBase kb, bool guides)
    {
        var count = 0;
        var now = cli.Runtime.Time.GetUtcNow();
        foreach (var pack in RunbookEntries.ByPack(cli.Runtime.LoadRunbooks([])))
        {
            var entries = pack.ToList();
            kb.Replace(pack.Key, "built-in", pack.Key, entries, now);
            count += entries.Count;
        }

        if (guides)
        {
            foreach (var g in BundledGuides.Load())
            {
                kb.Replace(g.Name, "bundled:" + g.Name, g.Title, g.Entries, now);
                count += g.Entries.Count;
            }
        }

        return count;
    }
}
