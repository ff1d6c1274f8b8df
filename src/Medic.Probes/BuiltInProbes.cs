using Medic.Core.Probing;
using Medic.Probes.Postgres;

namespace Medic.Probes;

/// <summary>Every probe that ships with Medic.</summary>
public static class BuiltInProbes
{
    public static IReadOnlyList<IProbe> All() =>
    [
        .. PostgresProbes.All(),
    ];

    public static ProbeRegistry Registry() => new(All());
}
