using Medic.Core.Probing;

namespace Medic.Probes;

/// <summary>Every probe that ships with Medic.</summary>
public static class BuiltInProbes
{
    public static IReadOnlyList<IProbe> All() =>
    [
    ];

    public static ProbeRegistry Registry() => new(All());
}
