using Medic.Core.Probing;
using Medic.Probes.Prometheus;

namespace Medic.Probes;

/// <summary>Every probe that ships with Medic.</summary>
public static class BuiltInProbes
{
    public static IReadOnlyList<IProbe> All() =>
    [
        new PrometheusScrapeProbe(),
    ];

    public static ProbeRegistry Registry() => new(All());
}
