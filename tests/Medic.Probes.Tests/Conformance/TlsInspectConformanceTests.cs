using System.Text.Json.Nodes;
using Medic.Core.Probing;
using Medic.Core.Systems;
using Medic.Probes.Tls;
using static Medic.Probes.Tests.NetSupport.NetProbeContexts;

namespace Medic.Probes.Tests.Conformance;

public sealed class TlsInspectConformanceTests : NetworkProbeConformance
{
    protected override IProbe CreateProbe() => new TlsInspectProbe();

    protected override Component ComponentAt(int port) => Component("tls", new JsonObject { ["address"] = $"127.0.0.1:{port}", ["server_name"] = "localhost" });
}
