using Medic.Core.Probing;
using Medic.Core.Systems;
using Medic.Probes.Tcp;
using Medic.Probes.Tests.NetSupport;
using static Medic.Probes.Tests.NetSupport.NetProbeContexts;

namespace Medic.Probes.Tests.Conformance;

public sealed class TcpConnectConformanceTests : NetworkProbeConformance
{
    protected override IProbe CreateProbe() => new TcpConnectProbe();

    protected override Component ComponentAt(int port) => TcpComponent($"127.0.0.1:{port}");

    // A listener that accepts is an answer for TCP; a full accept queue drops the SYN, so the connect itself hangs.
    protected override Task<SilentListener> OpenSilentTargetAsync() => SilentListener.BlackholedAsync(Ct);
}
