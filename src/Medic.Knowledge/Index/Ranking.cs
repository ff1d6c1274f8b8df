namespace Medic.Knowledge.Index;

/// <summary>One BM25 match before re-ranking.</summary>
internal sealed record Candidate(long Id, string Guide, bool Runbook, string Anchor, double Score);

/// <summary>A re-ranked answer: the entry shown, its score, and the candidates folded into it.</summary>
internal sealed record Ranked(long Id, double Score, IReadOnlyList<long> Folded);

/// <summary>
/// Re-ranks the BM25 candidates so that one answer is one problem:
/// <list type="bullet">
/// <item>a runbook that cites a guide section which also matched is folded into that section (the section is shown
/// with the runbook linked; both matching is corroboration, so the best such runbook's score is added to the section's);</item>
/// <item>when the query names a source (see <see cref="KnowledgeBase"/>: a product word of a guide's title or a pack's
/// name like "pma", or a word that only one guide uses, like "fastapi"), that source's entries and the runbooks citing
/// it count double;</item>
/// <item>a runbook that cites no guide section (a generic pack: host, sqlite, tcp…) is worth <see cref="Generic"/> of its
/// BM25 score, so a team's own guide section that matches about as well comes first and the generic runbook after it.</item>
/// </list>
/// </summary>
internal static class Ranking
{
    public const double Generic = 0.6;
    public const double ProductBoost = 2.0;

    public static List<Ranked> Rank(
        IReadOnlyList<Candidate> candidates,
        IReadOnlySet<string> named,
        Func<Candidate, IReadOnlyList<(string Guide, string Anchor)>> cites)
    {
        var sections = new Dictionary<(string, string), int>();
        var groups = new List<(Candidate Head, double Score, double Best, List<long> Folded)>();
        var pending = new List<(Candidate Runbook, double Score, IReadOnlyList<(string Guide, string Anchor)> Cites)>();
        foreach (var c in candidates)
        {
            var cited = c.Runbook ? cites(c) : [];
            var score = c.Score * (named.Contains(c.Guide) || cited.Any(s => named.Contains(s.Guide)) ? ProductBoost : 1.0);
            if (c.Runbook)
            {
                pending.Add((c, score, cited));
                continue;
            }

            sections.TryAdd((c.Guide, c.Anchor), groups.Count);
            groups.Add((c, score, 0, []));
        }

        foreach (var (runbook, score, cited) in pending)
        {
            var target = cited.Select(s => sections.TryGetValue(s, out var i) ? i : -1).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
            if (target >= 0)
            {
                var g = groups[target];
                g.Folded.Add(runbook.Id);
                groups[target] = (g.Head, g.Score, Math.Max(g.Best, score), g.Folded);
            }
            else
            {
                groups.Add((runbook, cited.Count == 0 ? score * Generic : score, 0, []));
            }
        }

        return groups
            .Select(g => new Ranked(g.Head.Id, g.Score + g.Best, g.Folded))
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Id)
            .ToList();
    }
}
