namespace Medic.Logs;

/// <summary>One mined template (a cluster of log lines) and its statistics.</summary>
public sealed class LogTemplate
{
    private readonly Dictionary<string, long> levels = new(StringComparer.Ordinal);
    // the spreads by token position (null where the token is constant)
    private VariableSpread?[] byPosition = [];
    private string? text;
    private LogTemplate? mergedInto;

    internal LogTemplate(int id, string[] tokens, string example)
    {
        Id = id;
        Tokens = tokens;
        Example = example;
    }

    public int Id { get; }

    internal string[] Tokens { get; }

    /// <summary>The first line seen for this template.</summary>
    public string Example { get; }

    public long Count { get; internal set; }

    /// <summary>The template text; a template merged into another reports the other's text.</summary>
    public string Text => mergedInto is null ? text ??= string.Join(' ', Tokens) : Canonical.Text;

    /// <summary>The template this one was merged into (itself when it was not merged).</summary>
    public LogTemplate Canonical
    {
        get
        {
            var t = this;
            while (t.mergedInto is not null)
            {
                t = t.mergedInto;
            }
            return t;
        }
    }

    /// <summary>Line count per level, as the caller passed it.</summary>
    public IReadOnlyDictionary<string, long> Levels => levels;

    public DateTimeOffset? FirstSeen { get; private set; }

    public DateTimeOffset? LastSeen { get; private set; }

    /// <summary>The spread of values per wildcard position, in token order.</summary>
    public IReadOnlyList<VariableSpread> Variables => [.. byPosition.OfType<VariableSpread>()];

    private int[]? wildcards;

    /// <summary>Token indexes that hold a wildcard.</summary>
    internal int[] WildcardPositions => wildcards ??= [.. Enumerable.Range(0, Tokens.Length).Where(i => Tokens[i].Contains(Masker.Wildcard, StringComparison.Ordinal))];

    /// <summary>Set once Drain's similarity step widened this template (a group overflowed).</summary>
    internal bool Widened { get; set; }

    internal void Invalidate()
    {
        text = null;
        wildcards = null;
    }

    internal void Observe(string? level, DateTimeOffset? timestamp)
    {
        Count++;
        if (level is not null)
        {
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(levels, level, out _)++;
        }
        if (timestamp is { } t)
        {
            if (FirstSeen is null || t < FirstSeen)
            {
                FirstSeen = t;
            }
            if (LastSeen is null || t > LastSeen)
            {
                LastSeen = t;
            }
        }
    }

    internal VariableSpread? Spread(int position) => (uint)position < (uint)byPosition.Length ? byPosition[position] : null;

    /// <summary>Makes a position variable; earlier lines all carried <paramref name="constant"/> there.</summary>
    internal VariableSpread AddSpread(int position, string? constant, long seen)
    {
        if (Spread(position) is not { } spread)
        {
            spread = new VariableSpread(position);
            if (position >= byPosition.Length)
            {
                Array.Resize(ref byPosition, Math.Max(position + 1, Tokens.Length));
            }

            byPosition[position] = spread;
            if (constant is not null && seen > 0)
            {
                spread.Add(constant, seen);
            }
        }
        return spread;
    }

    internal void MergeInto(LogTemplate target)
    {
        mergedInto = target;
        target.Count += Count;
        foreach (var (level, c) in levels)
        {
            target.levels[level] = target.levels.GetValueOrDefault(level) + c;
        }
        if (FirstSeen is { } f && (target.FirstSeen is null || f < target.FirstSeen))
        {
            target.FirstSeen = f;
        }
        if (LastSeen is { } l && (target.LastSeen is null || l > target.LastSeen))
        {
            target.LastSeen = l;
        }
        foreach (var spread in byPosition.OfType<VariableSpread>())
        {
            target.AddSpread(spread.Position, null, 0).AddFrom(spread);
        }
    }
}
