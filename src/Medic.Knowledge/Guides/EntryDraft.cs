using System.Text;

namespace Medic.Knowledge.Guides;

/// <summary>An entry being collected while the importer walks the blocks under one heading.</summary>
internal sealed class EntryDraft(string title, bool namedProblem, int level, IReadOnlyList<string> path, string anchor, int line)
{
    public int Level { get; } = level;

    public bool NamedProblem { get; } = namedProblem;

    public Part Part { get; set; }

    public List<string> Symptoms { get; } = [];

    public List<string> Causes { get; } = [];

    public List<string> Fixes { get; } = [];

    public List<DiagnosticStep> Diagnostics { get; } = [];

    public List<GuideEntry> Codes { get; } = [];

    public StringBuilder Body { get; } = new();

    public bool HasContent { get; set; }

    public IReadOnlyList<string> Path { get; } = path;

    public string Anchor { get; } = anchor;

    public string Title { get; } = title;

    public void AddBody(string text)
    {
        if (text.Length > 0)
        {
            Body.Append(text).Append('\n');
            HasContent = true;
        }
    }

    public IEnumerable<GuideEntry> Build(string guide)
    {
        if (!HasContent && Diagnostics.Count == 0 && Codes.Count == 0)
        {
            yield break;
        }

        var problem = NamedProblem || Symptoms.Count > 0 || Causes.Count > 0 || Fixes.Count > 0;
        if (Level == 1 && Diagnostics.Count == 0 && Symptoms.Count == 0)
        {
            foreach (var code in Codes)
            {
                yield return code;
            }

            yield break;
        }

        yield return new GuideEntry
        {
            Guide = guide,
            Kind = problem ? EntryKind.Problem : EntryKind.Section,
            Title = Title,
            SectionPath = Path,
            Anchor = Anchor,
            Line = line,
            Symptoms = Distinct(Symptoms),
            Causes = Distinct(Causes),
            Fixes = Distinct(Fixes),
            Diagnostics = Diagnostics.ToList(),
            Body = Body.ToString().Trim(),
        };
        foreach (var code in Codes)
        {
            yield return code;
        }
    }

    private static List<string> Distinct(List<string> items) =>
        items.Where(i => i.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}
