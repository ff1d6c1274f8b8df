namespace Medic.Knowledge.Guides;

/// <summary>Warnings about commands in a guide that are wrong or dangerous as written.</summary>
internal static class GuideLint
{
    public static IReadOnlyList<LintWarning> Check(string text, IReadOnlyList<GuideEntry> entries)
    {
        _ = text;
        _ = entries;
        return [];
    }
}
