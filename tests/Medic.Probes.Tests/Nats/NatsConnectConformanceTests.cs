using Medic.Core.Probing;
using Medic.Core.Systems;
using Medic.Probes.Nats;
using Medic.Probes.Tests.Conformance;

namespace Medic.Probes.Tests.Nats;

public sealed class NatsConnectConformanceTests : NetworkProbeConformance
{
    protected override IProbe CreateProbe() => new NatsConnectProbe();

    protected override Component ComponentAt(int port) => NatsContexts.Component($"nats://127.0.0.1:{port}", user: "medic", password: "conformance-pw");
}
