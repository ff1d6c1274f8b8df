using System.Globalization;
using Medic.Knowledge.Index;
using Shouldly;
using Xunit;

namespace Medic.Knowledge.Tests.Guides;

public sealed class SearchAccuracyTests
{
    [Fact]
    public void The_query_set_finds_the_right_section_first_and_almost_always_in_the_top_three()
    {
        using var kb = new SeedKnowledgeBase();
        var tuned = Measure(kb, "queries.tsv");
        var holdout = Measure(kb, "queries-holdout.tsv");
        var report = $"{tuned.Report}\n{holdout.Report}\n";
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "search-accuracy.txt"), report);

        tuned.Count.ShouldBeGreaterThanOrEqualTo(60);
        tuned.Top1.ShouldBeGreaterThanOrEqualTo(0.95, report); // measured 0.971
        tuned.Top3.ShouldBeGreaterThanOrEqualTo(0.97, report); // measured 0.986
        holdout.Top3.ShouldBeGreaterThanOrEqualTo(0.9, report); // measured 1.000 (top-1 0.833), never tuned on
    }

    private static Accuracy Measure(SeedKnowledgeBase kb, string file)
    {
        var queries = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Guides", file))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t', 2))
            .Select(p => (Expected: p[0].Split('|').ToHashSet(StringComparer.Ordinal), Query: p[1]))
            .ToList();
        int top1 = 0, top3 = 0;
        var misses = new List<string>();
        foreach (var (expected, query) in queries)
        {
            var deep = kb.Store.Search(query, 10);
            var hits = deep.Take(3).ToList();
            var rank = deep.ToList().FindIndex(h => SeedKnowledgeBase.Answers(h, expected));
            var expectedHit = rank >= 3 ? " ... " + Describe(deep[rank]) : "";
            top1 += rank == 0 ? 1 : 0;
            top3 += rank is >= 0 and < 3 ? 1 : 0;
            if (rank != 0)
            {
                var got = string.Join(" | ", hits.Select(Describe)) + expectedHit;
                misses.Add($"  rank {(rank < 0 ? ">10" : (rank + 1).ToString(CultureInfo.InvariantCulture))}: {query}\n    want {string.Join(" or ", expected)}\n    got  {got}");
            }
        }

        var accuracy = new Accuracy(queries.Count, (double)top1 / queries.Count, (double)top3 / queries.Count, "");
        return accuracy with
        {
            Report = string.Create(CultureInfo.InvariantCulture, $"{file}: top-1 {accuracy.Top1:0.000} top-3 {accuracy.Top3:0.000} over {queries.Count} queries\n{string.Join("\n", misses)}"),
        };
    }

    private static string Describe(SearchHit hit) =>
        string.Create(CultureInfo.InvariantCulture, $"{hit.Entry.Title} [{hit.Entry.Guide}#{hit.Entry.Anchor} {(hit.ExactCode ? "exact" : hit.Score.ToString("0.00", CultureInfo.InvariantCulture))}]");

    private sealed record Accuracy(int Count, double Top1, double Top3, string Report);
}
