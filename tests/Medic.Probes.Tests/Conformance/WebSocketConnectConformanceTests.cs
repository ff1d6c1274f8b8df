using System.Text.Json.Nodes;
using Medic.Core.Probing;
using Medic.Core.Systems;
using Medic.Probes.WebSocket;
using static Medic.Probes.Tests.NetSupport.NetProbeContexts;

namespace Medic.Probes.Tests.Conformance;

public sealed class WebSocketConnectConformanceTests : NetworkProbeConformance
{
    protected override IProbe CreateProbe() => new WebSocketConnectProbe();

    protected override Component ComponentAt(int port) =>
        Component("websocket", new JsonObject { ["url"] = $"ws://127.0.0.1:{port}/ws", ["token"] = "t0ken", ["idle"] = 60_000 });
}
