using System.Collections.Frozen;

namespace Medic.Core.Systems;

/// <summary>Component kinds by name, case-insensitive; duplicates are rejected when the registry is built.</summary>
public sealed class KindRegistry
{
    private readonly FrozenDictionary<string, ComponentKind> _kinds;

    public KindRegistry(IEnumerable<ComponentKind> kinds)
    {
        var map = new Dictionary<string, ComponentKind>(StringComparer.OrdinalIgnoreCase);
        foreach (var kind in kinds)
        {
            if (!map.TryAdd(kind.Name, kind))
            {
                throw new InvalidOperationException($"Two component kinds are named '{kind.Name}'.");
            }
        }

        _kinds = map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public IEnumerable<ComponentKind> All => _kinds.Values.OrderBy(k => k.Name, StringComparer.Ordinal);

    public ComponentKind? Find(string name) => _kinds.GetValueOrDefault(name);
}
