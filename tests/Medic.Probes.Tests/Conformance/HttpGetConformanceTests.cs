using System.Text.Json.Nodes;
using Medic.Core.Probing;
using Medic.Core.Systems;
using Medic.Probes.Http;
using static Medic.Probes.Tests.NetSupport.NetProbeContexts;

namespace Medic.Probes.Tests.Conformance;

public sealed class HttpGetConformanceTests : NetworkProbeConformance
{
    protected override IProbe CreateProbe() => new HttpGetProbe();

    protected override Component ComponentAt(int port) => HttpComponent($"http://127.0.0.1:{port}", health: "/health");

    protected override JsonObject Args() => new() { ["path"] = "/health" };
}
