using Medic.Core.Model;
using Medic.Knowledge.Guides;

namespace Medic.Cli.Commands;

/// <summary>The work of <c>medic import</c> once the guides are parsed: store, draft runbooks, summarise.</summary>
internal sealed class GuideImport(CliContext cli, string? kb, string? runbooksOut)
{
    public sealed record GuideResult(string Name, string Path, string Title, IReadOnlyList<GuideEntry> Entries, IReadOnlyList<LintWarning> Warnings, IReadOnlyList<string> Runbooks);

    public sealed record Result(string? Kb, IReadOnlyList<GuideResult> Guides);

    public Result Run(IReadOnlyList<Guide> guides)
    {
        var drafts = runbooksOut is null ? [] : PlanDrafts(guides);
        var store = KnowledgeStore(guides);
        var results = new List<GuideResult>();
        foreach (var g in guides)
        {
            var written = new List<string>();
            foreach (var (_, path, yaml) in drafts.Where(d => d.Guide == g))
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                File.WriteAllText(path, yaml);
                written.Add(path);
            }

            results.Add(new GuideResult(g.Name, g.Path, g.Title, g.Entries, g.Warnings, written));
        }

        return new Result(store, results);
    }

    private List<(Guide Guide, string Path, string Yaml)> PlanDrafts(IReadOnlyList<Guide> guides)
    {
        var drafter = new RunbookDrafter(cli.Runtime.Probes);
        var planned = new List<(Guide, string, string)>();
        foreach (var g in guides)
        {
            var folder = System.IO.Path.Combine(runbooksOut!, RunbookDrafter.PackName(g));
            foreach (var (file, yaml) in drafter.Draft(g))
            {
                var path = System.IO.Path.Combine(folder, file);
                if (File.Exists(path))
                {
                    throw new InputException(SourcePosition.Start(path), "a draft runbook is already there; remove it or choose another --runbooks folder (nothing was written)");
                }

                planned.Add((g, path, yaml));
            }
        }

        return planned;
    }

    private string KnowledgeStore(IReadOnlyList<Guide> guides)
    {
        var path = KnowledgeSetup.PathFor(cli, kb);
        using var store = KnowledgeSetup.Open(path);
        var fresh = store.Count() == 0;
        KnowledgeSetup.AddBuiltIns(cli, store, guides: fresh);
        foreach (var g in guides)
        {
            store.Replace(g.Name, System.IO.Path.GetFullPath(g.Path), g.Title, g.Entries, cli.Runtime.Time.GetUtcNow());
        }

        return path;
    }
}
