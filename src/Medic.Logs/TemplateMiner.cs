namespace Medic.Logs;

/// <summary>
/// Online Drain-style miner. Lines are masked token by token (<see cref="Masker"/>), grouped by token count and
/// first token, and joined to the most similar template when the share of equal positions reaches the threshold.
/// A line whose masked form was seen before takes a fast path (one hash lookup, no allocation).
/// </summary>
public sealed partial class TemplateMiner
{
    private const int MaxCached = 1 << 16;

    /// <summary>Templates per (token count, first token) before new lines join the most similar one instead.</summary>
    private const int MaxExactPerGroup = 256;

    private int nextCompact = 4096;

    private readonly Dictionary<(int, string), List<LogTemplate>> groups = [];
    private readonly List<LogTemplate> all = [];
    private readonly Dictionary<string, LogTemplate> cache = new(FastStringComparer.Instance);
    private readonly Dictionary<string, LogTemplate>.AlternateLookup<ReadOnlySpan<char>> cached;
    private readonly MaskedLine line = new();
    private readonly double threshold;
    private readonly UserMasks? masks;

    public TemplateMiner(double similarityThreshold = 0.5)
        : this(similarityThreshold, null)
    {
    }

    public TemplateMiner(double similarityThreshold, UserMasks? masks)
    {
        threshold = similarityThreshold;
        this.masks = masks is { IsEmpty: false } ? masks : null;
        cached = cache.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Whether to keep the spread of values per wildcard (on by default; off saves time when only grouping matters).</summary>
    public bool TrackValues { get; set; } = true;

    /// <summary>The templates, excluding those merged into another by <see cref="Compact"/>.</summary>
    public IReadOnlyList<LogTemplate> Templates => [.. all.Where(t => ReferenceEquals(t.Canonical, t))];

    public LogTemplate Add(string content) => Add(content, null, null);

    public LogTemplate Add(string content, string? level, DateTimeOffset? timestamp)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (masks is not null)
        {
            content = masks.Apply(content);
        }
        return AddMasked(content.AsSpan(), content, level, timestamp);
    }

    /// <summary>Adds a line without allocating when its masked form was seen before.</summary>
    public LogTemplate Add(ReadOnlySpan<char> content, string? level = null, DateTimeOffset? timestamp = null) =>
        masks is null ? AddMasked(content, null, level, timestamp) : Add(content.ToString(), level, timestamp);

    private LogTemplate AddMasked(ReadOnlySpan<char> content, string? example, string? level, DateTimeOffset? timestamp)
    {
        line.Fill(content);
        LogTemplate template;
        if (cached.TryGetValue(line.Key, out var hit))
        {
            template = hit.Canonical;
        }
        else
        {
            template = Match(example ?? content.ToString());
            if (cache.Count >= MaxCached)
            {
                cache.Clear();
            }
            cache[line.Key.ToString()] = template;
        }
        template.Observe(level, timestamp);
        if (TrackValues)
        {
            RecordValues(template, content);
        }
        return template;
    }

    private void RecordValues(LogTemplate template, ReadOnlySpan<char> content)
    {
        foreach (var i in template.WildcardPositions)
        {
            var (start, length) = line.Value(i);
            (template.Spread(i) ?? template.AddSpread(i, null, 0)).Add(content.Slice(start, length));
        }
    }

    private LogTemplate Match(string example)
    {
        var n = line.Count;
        var first = n == 0 ? "" : line.IsMasked(0) ? Masker.Wildcard : line.Masked(0).ToString();
        if (!groups.TryGetValue((n, first), out var list))
        {
            list = [];
            groups[(n, first)] = list;
        }
        foreach (var candidate in list)
        {
            var canonical = candidate.Canonical;
            if (Fits(canonical.Tokens))
            {
                return canonical;
            }
        }
        if (list.Count >= MaxExactPerGroup && BestSimilar(list) is { } similar)
        {
            Generalize(similar);
            similar.Widened = true;
            return similar;
        }
        var tokens = new string[n];
        for (var i = 0; i < n; i++)
        {
            tokens[i] = line.Masked(i).ToString();
        }
        var created = new LogTemplate(all.Count + 1, tokens, example);
        list.Add(created);
        all.Add(created);
        if (all.Count >= nextCompact)
        {
            Compact();
            nextCompact = all.Count + Math.Max(4096, Templates.Count);
        }
        return created;
    }

    /// <summary>Drain's step, used once a group holds many templates: the most similar one above the threshold.</summary>
    private LogTemplate? BestSimilar(List<LogTemplate> list)
    {
        LogTemplate? best = null;
        var bestScore = -1.0;
        foreach (var candidate in list)
        {
            var canonical = candidate.Canonical;
            var score = Similarity(canonical.Tokens);
            if (score > bestScore)
            {
                bestScore = score;
                best = canonical;
            }
        }
        return bestScore >= threshold ? best : null;
    }

    /// <summary>True when every line token equals the template token or fits its wildcard (same punctuation around).</summary>
    private bool Fits(string[] template)
    {
        for (var i = 0; i < template.Length; i++)
        {
            var t = template[i];
            var token = line.Masked(i);
            if (token.SequenceEqual(t))
            {
                continue;
            }
            var w = t.IndexOf(Masker.Wildcard, StringComparison.Ordinal);
            if (w < 0)
            {
                return false;
            }
            var suffix = t.Length - t.LastIndexOf(Masker.Wildcard, StringComparison.Ordinal) - Masker.Wildcard.Length;
            if (token.Length <= w + suffix || !token.StartsWith(t.AsSpan(0, w)) || !token.EndsWith(t.AsSpan(t.Length - suffix)))
            {
                return false;
            }
        }
        return true;
    }

    private double Similarity(string[] template)
    {
        if (template.Length == 0)
        {
            return 1;
        }
        var same = 0;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i].Contains(Masker.Wildcard, StringComparison.Ordinal) || line.Masked(i).SequenceEqual(template[i]))
            {
                same++;
            }
        }
        return (double)same / template.Length;
    }

    private void Generalize(LogTemplate template)
    {
        var tokens = template.Tokens;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i] != Masker.Wildcard && !line.Masked(i).SequenceEqual(tokens[i]))
            {
                template.AddSpread(i, tokens[i], template.Count);
                tokens[i] = Masker.Generalize(tokens[i], line.Masked(i));
                template.Invalidate();
            }
        }
    }
}
