namespace Medic.Knowledge.Guides;

/// <summary>An imported guide: its entries in document order and the lint warnings about its commands.</summary>
public sealed record Guide(string Name, string Path, string Title, IReadOnlyList<GuideEntry> Entries, IReadOnlyList<LintWarning> Warnings);
