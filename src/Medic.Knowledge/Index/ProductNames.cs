namespace Medic.Knowledge.Index;

/// <summary>
/// The words that name a product: each source's (guide or pack) title and pack name, lower-cased. A word names a
/// product only when at most two sources carry it ("pma" in the PMA guide and the pma pack), so "troubleshooting" or
/// "guide" never does.
/// </summary>
internal sealed class ProductNames
{
    private const int MaxSources = 2;
    private readonly Dictionary<string, HashSet<string>> _bySource = new(StringComparer.Ordinal);
    private readonly HashSet<string> _distinctive = new(StringComparer.Ordinal);

    public ProductNames(IReadOnlyDictionary<string, string> titles)
    {
        var sources = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, title) in titles)
        {
            var words = QueryText.Words(title + " " + (name.StartsWith("pack:", StringComparison.Ordinal) ? name[5..] : ""));
            _bySource[name] = words;
            foreach (var w in words)
            {
                sources[w] = sources.GetValueOrDefault(w) + 1;
            }
        }

        _distinctive.UnionWith(sources.Where(s => s.Value <= MaxSources).Select(s => s.Key));
    }

    /// <summary>The sources whose product the query's words name.</summary>
    public IEnumerable<string> Named(IReadOnlySet<string> queryWords) =>
        _bySource.Where(s => s.Value.Any(w => _distinctive.Contains(w) && queryWords.Contains(w))).Select(s => s.Key);
}
