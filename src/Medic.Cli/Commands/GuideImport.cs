using Medic.Knowledge.Guides;

namespace Medic.Cli.Commands;

/// <summary>The work of <c>medic import</c> once the guides are parsed: store, draft runbooks, summarise.</summary>
internal sealed class GuideImport(CliContext cli, string? kb, string? runbooksOut)
{
    public sealed record GuideResult(string Name, string Path, string Title, IReadOnlyList<GuideEntry> Entries, IReadOnlyList<LintWarning> Warnings, IReadOnlyList<string> Runbooks);

    public sealed record Result(string? Kb, IReadOnlyList<GuideResult> Guides);

    public Result Run(IReadOnlyList<Guide> guides)
    {
        _ = cli;
        _ = kb;
        _ = runbooksOut;
        var results = guides.Select(g => new GuideResult(g.Name, g.Path, g.Title, g.Entries, g.Warnings, [])).ToList();
        return new Result(null, results);
    }
}
