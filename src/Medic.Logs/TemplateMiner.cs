namespace Medic.Logs;

/// <summary>
/// Online Drain-style miner. Lines are masked token by token (<see cref="Masker"/>), grouped by token count and
/// first token, and joined to the most similar template when the share of equal positions reaches the threshold.
/// A line whose masked form was seen before takes a fast path (one hash lookup, no allocation).
/// </summary>
public sealed partial class TemplateMiner
{
    private const int MaxCached = 1 << 18;

    private readonly Dictionary<(int, string), List<LogTemplate>> groups = [];
    private readonly List<LogTemplate> all = [];
    private readonly Dictionary<string, LogTemplate> cache = new(StringComparer.Ordinal);
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
        RecordValues(template, content);
        return template;
    }

    private void RecordValues(LogTemplate template, ReadOnlySpan<char> content)
    {
        foreach (var i in template.WildcardPositions)
        {
            var (start, length) = line.Raw(i);
            var raw = content.Slice(start, length);
            var value = Masker.Mask(raw, out var s, out var e) ? raw[s..e] : raw;
            (template.Spread(i) ?? template.AddSpread(i, null, 0)).Add(value);
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
        LogTemplate? best = null;
        var bestScore = -1.0;
        foreach (var candidate in list)
        {
            var score = Similarity(candidate.Tokens);
            if (score > bestScore)
            {
                bestScore = score;
                best = candidate;
            }
        }
        if (best is null || bestScore < threshold)
        {
            var tokens = new string[n];
            for (var i = 0; i < n; i++)
            {
                tokens[i] = line.Masked(i).ToString();
            }
            best = new LogTemplate(all.Count + 1, tokens, example);
            list.Add(best);
            all.Add(best);
            return best;
        }
        best = best.Canonical;
        Generalize(best);
        return best;
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
