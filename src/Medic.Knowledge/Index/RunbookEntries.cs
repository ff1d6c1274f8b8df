using Medic.Core.Runbooks;
using Medic.Knowledge.Guides;

namespace Medic.Knowledge.Index;

/// <summary>Runbooks as knowledge-base entries: title, symptoms, causes and fixes (placeholders elided), and the guide sections they cite.</summary>
public static class RunbookEntries
{
    public static string GuideName(string pack) => "pack:" + pack;

    public static IEnumerable<IGrouping<string, GuideEntry>> ByPack(IEnumerable<Runbook> runbooks) =>
        runbooks.Select(From).GroupBy(e => e.Guide, StringComparer.Ordinal);

    public static GuideEntry From(Runbook runbook) => new()
    {
        Guide = GuideName(runbook.Pack),
        Kind = EntryKind.Runbook,
        Title = runbook.Title,
        SectionPath = [runbook.Pack, runbook.Id],
        Anchor = runbook.Id,
        Line = runbook.Position.Line,
        Symptoms = runbook.Symptoms.Select(s => s.Text).ToList(),
        Causes = runbook.Causes.Select(c => c.Title.Unrendered().Trim() is { Length: > 0 } t ? t : c.Id).ToList(),
        Fixes = runbook.Causes.Select(c => c.Fix.Unrendered().Trim()).Where(f => f.Length > 0).ToList(),
        Body = runbook.Description,
        Refs = runbook.Causes.SelectMany(c => c.Refs).Distinct(StringComparer.Ordinal).ToList(),
    };
}
