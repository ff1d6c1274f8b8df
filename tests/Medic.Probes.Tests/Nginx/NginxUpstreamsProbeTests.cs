using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Nginx;
using Medic.Probes.Tests.NetSupport;
using Shouldly;
using Xunit;
using static Medic.Probes.Tests.NetSupport.NetProbeContexts;

namespace Medic.Probes.Tests.Nginx;

public sealed class NginxUpstreamsProbeTests : IDisposable
{
    private readonly NginxFiles _files = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _files.Dispose();

    private ProbeContext ContextFor(string http, TimeSpan? timeout = null)
    {
        _files.With("nginx.conf", $"events {{}}\nhttp {{\n{http}\n}}\n");
        return Context(Component("nginx", new JsonObject { ["config"] = _files.Main }), timeout: timeout);
    }

    private static JsonObject Backend(ProbeResult result, string name) =>
        result.Data!["backends"]!.AsArray().Select(b => b!.AsObject()).Single(b => (string?)b["name"] == name);

    [Fact]
    public async Task Tells_listening_servers_from_refusing_ones()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var up = ((IPEndPoint)listener.LocalEndpoint).Port;
        var closed = LoopbackPorts.Closed();

        var result = await new NginxUpstreamsProbe().RunAsync(ContextFor($$"""
            upstream app { server 127.0.0.1:{{up}}; server 127.0.0.1:{{closed}} backup; server 127.0.0.1:1 down; }
            server { listen 8080; location / { proxy_pass http://app; } location /old { proxy_pass http://127.0.0.1:{{closed}}; } }
            """), Ct);

        result.Error.ShouldBeNull();
        var app = Backend(result, "app");
        ((int)app["checked"]!).ShouldBe(2);
        ((int)app["reachable"]!).ShouldBe(1);
        var servers = app["servers"]!.AsArray();
        ((bool?)servers[0]!["reachable"]).ShouldBe(true);
        ((bool?)servers[1]!["reachable"]).ShouldBe(false);
        ((string?)servers[1]!["error"]!["kind"]).ShouldBe(ErrorKinds.ConnectionRefused);
        servers[2]!["reachable"].ShouldBeNull();
        var direct = Backend(result, $"127.0.0.1:{closed}");
        ((int)direct["reachable"]!).ShouldBe(0);
        direct["locations"]!.AsArray().Select(l => (string?)l).ShouldBe(["/old"]);
        ((int)result.Data!["unreachable"]!).ShouldBe(1);
    }

    [Fact]
    public async Task Connects_to_unix_sockets_and_names_a_missing_one()
    {
        var path = _files.PathOf("app.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        socket.Listen(4);

        var result = await new NginxUpstreamsProbe().RunAsync(ContextFor($$"""
            server { listen 8080;
              location /a { proxy_pass http://unix:{{path}}:/; }
              location /b { proxy_pass http://unix:{{_files.PathOf("gone.sock")}}; } }
            """), Ct);

        ((int)Backend(result, $"unix:{path}")["reachable"]!).ShouldBe(1);
        ((string?)Backend(result, $"unix:{_files.PathOf("gone.sock")}")["servers"]![0]!["error"]!["kind"]).ShouldBe(ErrorKinds.NotFound);
    }

    [Fact]
    public async Task A_missing_configuration_is_not_found()
    {
        var result = await new NginxUpstreamsProbe().RunAsync(Context(Component("nginx", new JsonObject { ["config"] = _files.PathOf("none.conf") })), Ct);

        result.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.NotFound);
    }
}
