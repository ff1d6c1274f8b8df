using Medic.Core.Probing;
using Medic.Core.Systems;
using Medic.Probes.Nats;
using Medic.Probes.Tests.Conformance;

namespace Medic.Probes.Tests.Nats;

/// <summary>The monitoring probes share one base; jsz stands for them all here.</summary>
public sealed class NatsJszConformanceTests : NetworkProbeConformance
{
    protected override IProbe CreateProbe() => new NatsJszProbe();

    protected override Component ComponentAt(int port) => NatsContexts.Component($"nats://127.0.0.1:{port}", monitor: $"http://127.0.0.1:{port}");
}
