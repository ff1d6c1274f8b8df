using System.Collections.Frozen;

namespace Medic.Core.Probing;

/// <summary>Probes by name, case-insensitive; duplicates are rejected when the registry is built.</summary>
public sealed class ProbeRegistry
{
    private readonly FrozenDictionary<string, IProbe> _probes;

    public ProbeRegistry(IEnumerable<IProbe> probes)
    {
        var map = new Dictionary<string, IProbe>(StringComparer.OrdinalIgnoreCase);
        foreach (var probe in probes)
        {
            if (!map.TryAdd(probe.Name, probe))
            {
                throw new InvalidOperationException($"Two probes are named '{probe.Name}'.");
            }
        }

        _probes = map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public IEnumerable<IProbe> All => _probes.Values.OrderBy(p => p.Name, StringComparer.Ordinal);

    public IProbe? Find(string name) => _probes.GetValueOrDefault(name);
}
