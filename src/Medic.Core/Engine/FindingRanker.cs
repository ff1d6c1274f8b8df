using Medic.Core.Model;

namespace Medic.Core.Engine;

/// <summary>
/// Orders findings and folds generic findings under the specific causes that supersede them.
/// A cause's <c>supersedes</c> entry names a runbook (<c>sqlite.database-locked</c>, every cause of it) or one cause
/// (<c>sqlite.database-locked/journal-not-wal</c>). A holding cause folds each holding finding it names that is on the
/// same component, or on any component when the two runbooks apply to different kinds (a config runbook refining a
/// host finding). The folded finding moves into <see cref="Finding.Related"/> of the first superseding finding in rank
/// order, which takes the higher of the two severities, so the report's counts and exit code never drop. A folded
/// finding folds nothing itself (no chains, no cycles).
/// </summary>
internal static class FindingRanker
{
    public static List<Finding> Rank(IReadOnlyList<RankedFinding> findings)
    {
        var ordered = Order(findings);
        var folded = new HashSet<RankedFinding>();
        var related = new Dictionary<RankedFinding, List<RankedFinding>>();
        foreach (var head in ordered.Where(f => f.Supersedes.Count > 0))
        {
            if (folded.Contains(head))
            {
                continue;
            }

            foreach (var other in ordered.Where(o => o != head && !folded.Contains(o) && !related.ContainsKey(o) && Folds(head, o)))
            {
                folded.Add(other);
                if (!related.TryGetValue(head, out var list))
                {
                    related[head] = list = [];
                }

                list.Add(other);
            }
        }

        var result = ordered
            .Where(f => !folded.Contains(f))
            .Select(f => related.TryGetValue(f, out var list) ? Merge(f, list) : f)
            .ToList();
        return [.. Order(result).Select(f => f.Finding)];
    }

    private static List<RankedFinding> Order(IEnumerable<RankedFinding> findings) =>
        [.. findings
            .OrderByDescending(f => f.Finding.Severity)
            .ThenByDescending(f => f.Finding.Confidence)
            .ThenBy(f => f.Order)];

    private static bool Folds(RankedFinding head, RankedFinding other)
    {
        var sameComponent = head.Finding.Component == other.Finding.Component;
        if (!sameComponent && head.Kind == other.Kind)
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
