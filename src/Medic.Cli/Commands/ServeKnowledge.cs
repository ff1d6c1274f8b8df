using Medic.Knowledge.Index;
using Medic.Server.Api;

namespace Medic.Cli.Commands;

/// <summary>
/// The knowledge base behind <c>/api/kb</c> of <c>medic serve</c>: the file <c>--kb</c> names (or the default one),
/// opened on the first search; an empty one gets the built-in packs and bundled guides, as with <c>medic ask</c>.
/// </summary>
internal static class ServeKnowledge
{
    public static KnowledgeSearch Open(CliContext cli, string? kb)
    {
        var path = KnowledgeSetup.PathFor(cli, kb);
        var gate = new Lock();
        var store = new Lazy<KnowledgeBase>(() =>
        {
            var opened = KnowledgeSetup.Open(path);
            if (opened.Count() == 0)
            {
                KnowledgeSetup.AddBuiltIns(cli, opened, guides: true);
            }

            return opened;
        });
        return (text, limit) =>
        {
            lock (gate)
            {
                return AskCommand.Results(store.Value.Search(text, limit));
            }
        };
    }
}
