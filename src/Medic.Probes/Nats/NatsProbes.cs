using Medic.Core.Probing;

namespace Medic.Probes.Nats;

/// <summary>The nats probe family: a client-protocol connect, and the monitoring endpoints.</summary>
public static class NatsProbes
{
    public static IReadOnlyList<IProbe> All() =>
    [
        new NatsConnectProbe(),
        new NatsVarzProbe(),
        new NatsConnzProbe(),
        new NatsJszProbe(),
        new NatsHealthzProbe(),
        new NatsRoutezProbe(),
        new NatsUrlsProbe(),
    ];
}
