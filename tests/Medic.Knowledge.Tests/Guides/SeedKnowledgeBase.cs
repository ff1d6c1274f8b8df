using Medic.Knowledge.Guides;
using Medic.Knowledge.Index;
using Medic.Knowledge.Runbooks;
using Medic.Probes;

namespace Medic.Knowledge.Tests.Guides;

/// <summary>A knowledge base in a temporary file with the five seed guides and the built-in runbook packs.</summary>
internal sealed class SeedKnowledgeBase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("medic-kb-").FullName;

    public SeedKnowledgeBase()
    {
        Store = KnowledgeBase.Open(Path.Combine(_folder, "kb.db"));
        foreach (var name in Seeds.All)
        {
            var g = Seeds.Load(name);
            Store.Replace(g.Name, g.Path, g.Title, g.Entries, DateTimeOffset.UnixEpoch);
        }

        var runbooks = new RunbookLoader(BuiltInProbes.Registry(), BuiltInKinds.Registry()).Load(PackSources.Embedded());
        foreach (var pack in RunbookEntries.ByPack(runbooks))
        {
            Store.Replace(pack.Key, "built-in", pack.Key, pack.ToList(), DateTimeOffset.UnixEpoch);
        }
    }

    public KnowledgeBase Store { get; }

    /// <summary>Whether a hit is the expected guide section, or a runbook that cites it.</summary>
    public static bool Answers(SearchHit hit, IReadOnlySet<string> expected) =>
        hit.Entry.Kind == EntryKind.Runbook
            ? hit.Entry.Refs.Select(Path.GetFileName).Any(r => expected.Any(x => r == x || r!.StartsWith(x + "-", StringComparison.Ordinal)))
            : expected.Contains($"{hit.Entry.Guide}#{hit.Entry.Anchor}");

    public void Dispose()
    {
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
