using System.Collections;
using System.Text;

namespace Medic.Probes.Prometheus;

/// <summary>A sample's labels in the order written; equal when they hold the same pairs in any order.</summary>
public sealed class LabelSet : IReadOnlyList<Label>, IEquatable<LabelSet>
{
    private readonly Label[] _labels;

    public LabelSet(IEnumerable<Label> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        _labels = [.. labels];
    }

    public static LabelSet Empty { get; } = new([]);

    public int Count => _labels.Length;

    public Label this[int index] => _labels[index];

    /// <summary>The value of a label, or null when the sample does not have it.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var l in _labels)
            {
                if (l.Name == name)
                {
                    return l.Value;
                }
            }

            return null;
        }
    }

    /// <summary>The same labels without one (for grouping a histogram's buckets by everything but <c>le</c>).</summary>
    public LabelSet Without(string name) => new(_labels.Where(l => l.Name != name));

    public bool Equals(LabelSet? other) =>
        other is not null && other.Count == Count && _labels.All(l => other[l.Name] == l.Value);

    public override bool Equals(object? obj) => Equals(obj as LabelSet);

    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var l in _labels)
        {
            hash ^= HashCode.Combine(l.Name, l.Value);
        }

        return hash;
    }

    public IEnumerator<Label> GetEnumerator() => ((IEnumerable<Label>)_labels).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString()
    {
        var sb = new StringBuilder("{");
        foreach (var l in _labels)
        {
            if (sb.Length > 1)
            {
                sb.Append(',');
            }

            sb.Append(l.Name).Append("=\"")
                .Append(l.Value.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal))
                .Append('"');
        }

        return sb.Append('}').ToString();
    }
}
