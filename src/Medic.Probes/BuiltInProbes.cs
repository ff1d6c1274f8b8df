using Medic.Core.Probing;
using Medic.Probes.Redis;

namespace Medic.Probes;

/// <summary>Every probe that ships with Medic.</summary>
public static class BuiltInProbes
{
    public static IReadOnlyList<IProbe> All() =>
    [
        new RedisPingProbe(),
        new RedisInfoProbe(),
        new RedisConfigProbe(),
        new RedisSlowlogProbe(),
        new RedisClientsProbe(),
        new RedisLatencyProbe(),
    ];

    public static ProbeRegistry Registry() => new(All());
}
