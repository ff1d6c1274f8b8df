namespace Medic.Probes.Prometheus;

/// <summary>A parsed metrics page: its families in order of appearance, and the lines that could not be read.</summary>
public sealed class Exposition
{
    private readonly Dictionary<string, MetricFamily> _byName;

    internal Exposition(IReadOnlyList<MetricFamily> families, IReadOnlyList<ParseError> errors)
    {
        Families = families;
        Errors = errors;
        _byName = families.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<MetricFamily> Families { get; }

    /// <summary>Every malformed line, in order; each was skipped and the rest of the page still read.</summary>
    public IReadOnlyList<ParseError> Errors { get; }

    public ParseError? FirstError => Errors.Count > 0 ? Errors[0] : null;

    /// <summary>The number of sample lines read.</summary>
    public int SampleCount => Families.Sum(f => f.Samples.Count);

    public MetricFamily? Find(string familyName) => _byName.GetValueOrDefault(familyName);

    /// <summary>The samples a selector matches, with the family each belongs to.</summary>
    public IEnumerable<(MetricFamily Family, Sample Sample)> Select(Selector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        IEnumerable<MetricFamily> families = Families;
        if (selector.Name is { } name)
        {
            // A plain name reaches a histogram's whole family as well as one of its _bucket/_sum/_count names.
            var family = Find(name) ?? Families.FirstOrDefault(f => f.Samples.Count > 0 && f.Samples.Any(s => s.Name == name));
            families = family is null ? [] : [family];
        }

        foreach (var family in families)
        {
            foreach (var sample in family.Samples)
            {
                if (selector.Matches(family, sample))
                {
                    yield return (family, sample);
                }
            }
        }
    }
}
