using System.Text.Json.Nodes;
using Medic.Core.Probing;
using Medic.Core.Systems;
using Medic.Probes.Nginx;
using Medic.Probes.Tests.Conformance;
using static Medic.Probes.Tests.NetSupport.NetProbeContexts;

namespace Medic.Probes.Tests.Nginx;

public sealed class NginxStatusConformanceTests : NetworkProbeConformance
{
    protected override IProbe CreateProbe() => new NginxStatusProbe();

    protected override Component ComponentAt(int port) =>
        Component("nginx", new JsonObject { ["config"] = "/etc/nginx/nginx.conf", ["url"] = $"http://127.0.0.1:{port}", ["status"] = "/nginx_status" });
}
