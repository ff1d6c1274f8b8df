using Medic.Core.Model;

namespace Medic.Core.Engine;

/// <summary>
/// Orders findings and folds generic findings under the specific causes that supersede them.
/// A cause's <c>supersedes</c> entry names a runbook (<c>sqlite.database-locked</c>, every cause of it) or one cause
/// (<c>sqlite.database-locked/journal-not-wal</c>). A holding cause supersedes each holding finding it names that is on
/// the same component, or on any component when the two runbooks apply to different kinds (a config runbook refining a
/// host finding). Findings nobody supersedes stay on top; each collects, in rank order, everything it supersedes
/// directly or through findings it supersedes, so chains end under the most specific finding. Within a cycle the
/// higher-ranked finding stays on top. A top finding takes the highest severity of what it folds, so the report's
/// counts and exit code never drop.
/// </summary>
internal static class FindingRanker
{
    public static List<Finding> Rank(IReadOnlyList<RankedFinding> findings)
    {
        var ordered = Order(findings);
        var edges = ordered.ToDictionary(f => f, f => ordered.Where(o => o != f && Folds(f, o)).ToList());
        var superseded = edges.Values.SelectMany(v => v).ToHashSet();
        var assigned = new HashSet<RankedFinding>();
        var heads = new List<(RankedFinding Head, List<RankedFinding> Folded)>();
        // Roots first (nobody supersedes them), then whatever only a cycle reaches, in rank order.
        foreach (var head in ordered.Where(f => !superseded.Contains(f)).Concat(ordered.Where(superseded.Contains)))
        {
            if (!assigned.Add(head))
            {
                continue;
            }

            var folded = new List<RankedFinding>();
            var queue = new Queue<RankedFinding>(edges[head]);
            while (queue.TryDequeue(out var next))
            {
                if (assigned.Add(next))
                {
                    folded.Add(next);
                    foreach (var further in edges[next])
                    {
                        queue.Enqueue(further);
                    }
                }
            }

            heads.Add((head, folded));
        }

        return [.. Order(heads.Select(h => h.Folded.Count == 0 ? h.Head : Merge(h.Head, Order(h.Folded)))).Select(f => f.Finding)];
    }

    private static List<RankedFinding> Order(IEnumerable<RankedFinding> findings) =>
        [.. findings
            .OrderByDescending(f => f.Finding.Severity)
            .ThenByDescending(f => f.Finding.Confidence)
            .ThenBy(f => f.Order)];

    private static bool Folds(RankedFinding head, RankedFinding other)
    {
        if (head.Supersedes.Count == 0 || (head.Finding.Component != other.Finding.Component && head.Kind == other.Kind))
        {
            return false;
        }

        return head.Supersedes.Any(s => s == other.Finding.Runbook || s == $"{other.Finding.Runbook}/{other.Finding.Cause}");
    }

    private static RankedFinding Merge(RankedFinding head, List<RankedFinding> folded)
    {
        var severity = folded.Select(f => f.Finding.Severity).Append(head.Finding.Severity).Max();
        var finding = head.Finding with
        {
            Severity = severity,
            Related = [.. folded.Select(f => f.Finding)],
        };
        return head with { Finding = finding };
    }
}
