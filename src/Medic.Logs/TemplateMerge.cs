namespace Medic.Logs;

public sealed partial class TemplateMiner
{
    /// <summary>Distinct constants seen at one position, all else equal, before that position counts as a variable.</summary>
    internal const int MinDistinctValues = 4;

    /// <summary>
    /// Merges templates of the same length that are equal except at one position, when that position holds a
    /// wildcard in one of them or at least <see cref="MinDistinctValues"/> different words: the words there are
    /// values. Repeats until nothing changes. Merged templates forward to the survivor (<see cref="LogTemplate.Canonical"/>).
    /// </summary>
    public void Compact()
    {
        foreach (var sameLength in all.Where(IsLive).GroupBy(t => t.Tokens.Length))
        {
            var live = sameLength.ToList();
            Subsume(live);
            var changed = true;
            while (changed && live.Count > 1)
            {
                changed = false;
                for (var p = 0; p < sameLength.Key; p++)
                {
                    changed |= MergeAt(live, p);
                    live.RemoveAll(t => !IsLive(t));
                }
            }
        }
    }

    /// <summary>Constant tokens a template must share besides the merged position (no context, no evidence).</summary>
    internal const int MinContext = 2;

    private static int ConstantsBesides(string[] tokens, int p)
    {
        var n = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            n += i != p && !tokens[i].Contains(Masker.Wildcard, StringComparison.Ordinal) ? 1 : 0;
        }
        return n;
    }

    /// <summary>
    /// A template that a template widened by Drain's fallback step matches (every token equal or under a
    /// wildcard) joins it, so a group that overflowed does not keep its early exact templates.
    /// </summary>
    private static void Subsume(List<LogTemplate> live)
    {
        var general = live.Where(t => t.Widened && t.WildcardPositions.Length > 0).OrderByDescending(t => t.WildcardPositions.Length).ToList();
        foreach (var g in general)
        {
            if (!IsLive(g))
            {
                continue;
            }
            foreach (var t in live)
            {
                if (!ReferenceEquals(t, g) && IsLive(t) && Covers(g.Tokens, t.Tokens))
                {
                    foreach (var p in g.WildcardPositions)
                    {
                        if (!t.Tokens[p].Contains(Masker.Wildcard, StringComparison.Ordinal))
                        {
                            t.AddSpread(p, t.Tokens[p], t.Count);
                        }
                    }
                    t.MergeInto(g);
                }
            }
        }
        live.RemoveAll(t => !IsLive(t));
    }

    private static bool Covers(string[] general, string[] specific)
    {
        for (var i = 0; i < general.Length; i++)
        {
            if (general[i] == specific[i])
            {
                continue;
            }
            var w = general[i].IndexOf(Masker.Wildcard, StringComparison.Ordinal);
            if (w < 0)
            {
                return false;
            }
            var suffix = general[i].Length - general[i].LastIndexOf(Masker.Wildcard, StringComparison.Ordinal) - Masker.Wildcard.Length;
            var s = specific[i];
            if (s.Length <= w + suffix || !s.AsSpan().StartsWith(general[i].AsSpan(0, w)) || !s.AsSpan().EndsWith(general[i].AsSpan(general[i].Length - suffix)))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsLive(LogTemplate t) => ReferenceEquals(t.Canonical, t);

    private static bool MergeAt(List<LogTemplate> live, int p)
    {
        var buckets = new Dictionary<string, List<LogTemplate>>(StringComparer.Ordinal);
        foreach (var t in live)
        {
            var key = string.Join('\u0001', t.Tokens.Select((token, i) => i == p ? "" : token));
            if (!buckets.TryGetValue(key, out var bucket))
            {
                bucket = [];
                buckets[key] = bucket;
            }
            bucket.Add(t);
        }
        var merged = false;
        foreach (var bucket in buckets.Values)
        {
            if (bucket.Count < 2 || ConstantsBesides(bucket[0].Tokens, p) < MinContext)
            {
                continue;
            }
            var values = bucket.Select(t => t.Tokens[p]).Distinct(StringComparer.Ordinal).ToList();
            var hasWildcard = values.Any(v => v.Contains(Masker.Wildcard, StringComparison.Ordinal));
            if (values.Count < MinDistinctValues && !hasWildcard)
            {
                continue;
            }
            var target = bucket.MaxBy(t => t.Count)!;
            var token = values.Aggregate(target.Tokens[p], (acc, v) => acc == v ? acc : Masker.Generalize(acc, v));
            foreach (var t in bucket)
            {
                if (!t.Tokens[p].Contains(Masker.Wildcard, StringComparison.Ordinal))
                {
                    t.AddSpread(p, t.Tokens[p], t.Count);
                }
                if (!ReferenceEquals(t, target))
                {
                    t.MergeInto(target);
                }
            }
            target.Tokens[p] = token;
            target.Invalidate();
            merged = true;
        }
        return merged;
    }
}
