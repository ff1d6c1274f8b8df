using FsCheck;
using FsCheck.Fluent;
using Medic.Core.Probing;
using Medic.Knowledge.Guides;
using Medic.Probes;
using Shouldly;
using Xunit;

namespace Medic.Knowledge.Tests.Guides;

public sealed class ImporterPropertyTests
{
    private static readonly Config Some = Config.QuickThrowOnFailure.WithMaxTest(300);
    private static readonly RunbookDrafter Drafter = new(new ProbeRegistry(BuiltInProbes.All()));

    [Fact]
    public void Generated_markdown_imports_lints_and_drafts_without_throwing_and_lines_stay_inside() =>
        Check.One(Some, Prop.ForAll(MarkdownGenerators.Documents.ToArbitrary(), ImportsInside));

    [Fact]
    public void Arbitrary_strings_import_without_throwing() =>
        Check.One(Some, Prop.ForAll(ArbMap.Default.ArbFor<string>(), s => ImportsInside(s ?? "")));

    [Fact]
    public void The_generator_produces_entries_and_warnings_often_enough()
    {
        var guides = MarkdownGenerators.Documents.Sample(200).Select(t => GuideImporter.Parse("g.md", "g.md", t)).ToList();
        guides.Count(g => g.Entries.Count > 0).ShouldBeGreaterThan(50);
        guides.Sum(g => g.Entries.Sum(e => e.Diagnostics.Count)).ShouldBeGreaterThan(20);
    }

    private static bool ImportsInside(string text)
    {
        var guide = GuideImporter.Parse("g.md", "g.md", text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', '\r').Length; // Markdig's line breaks
        foreach (var e in guide.Entries)
        {
            e.Line.ShouldBeInRange(1, lines);
            foreach (var d in e.Diagnostics)
            {
                d.Line.ShouldBeInRange(1, lines, $"{d.Line}/{lines}: {d.Command}");
            }
        }

        foreach (var w in guide.Warnings)
        {
            w.Line.ShouldBeInRange(1, lines);
        }

        _ = Drafter.Draft(guide);
        return true;
    }
}
