using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Medic.Core.Engine;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Tcp;
using Medic.Probes.Tests.NetSupport;
using Shouldly;
using Xunit;
using static Medic.Probes.Tests.NetSupport.NetProbeContexts;

namespace Medic.Probes.Tests.Tcp;

public sealed class TcpConnectProbeTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly TcpConnectProbe _probe = new();

    [Fact]
    public async Task Connects_to_an_open_port_and_reports_the_address_and_latency()
    {
        using var listener = SilentListener.Accepting();

        var result = await _probe.RunAsync(Context(TcpComponent($"127.0.0.1:{listener.Port}")), Ct);

        result.Error.ShouldBeNull();
        var data = result.Data.ShouldBeOfType<JsonObject>();
        data["host"]!.GetValue<string>().ShouldBe("127.0.0.1");
        data["port"]!.GetValue<int>().ShouldBe(listener.Port);
        data["address"]!.GetValue<string>().ShouldBe("127.0.0.1");
        data["connected"]!.GetValue<bool>().ShouldBeTrue();
        data["latency_ms"]!.GetValue<double>().ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task Connects_over_ipv6_loopback()
    {
        using var listener = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
        listener.Listen();
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;

        var result = await _probe.RunAsync(Context(TcpComponent($"[::1]:{port}")), Ct);

        result.Error.ShouldBeNull();
        result.Data!["address"]!.GetValue<string>().ShouldBe("::1");
    }

    [Fact]
    public async Task Resolves_a_host_name_from_host_and_port_settings()
    {
        using var listener = SilentListener.Accepting();
        var component = Component("tcp", new JsonObject { ["host"] = "localhost", ["port"] = (long)listener.Port });

        var result = await _probe.RunAsync(Context(component), Ct);

        result.Error.ShouldBeNull();
        result.Data!["connected"]!.GetValue<bool>().ShouldBeTrue();
        result.Data["addresses"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain("127.0.0.1");
    }

    [Fact]
    public async Task A_closed_port_is_connection_refused_with_host_and_port_in_the_data()
    {
        var port = LoopbackPorts.Closed();

        var result = await _probe.RunAsync(Context(TcpComponent($"127.0.0.1:{port}")), Ct);

        result.Error!.Kind.ShouldBe(ErrorKinds.ConnectionRefused);
        result.Error.Message.ShouldBe($"Connection refused (127.0.0.1:{port})");
        result.Data!["host"]!.GetValue<string>().ShouldBe("127.0.0.1");
        result.Data["port"]!.GetValue<int>().ShouldBe(port);
        result.Data["connected"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task An_unresolvable_host_is_a_dns_error()
    {
        var result = await _probe.RunAsync(Context(TcpComponent("nonexistent.invalid:5432")), Ct);

        result.Error!.Kind.ShouldBe(ErrorKinds.Dns);
        result.Error.Message.ShouldStartWith("nonexistent.invalid: name does not resolve");
        result.Data!["connected"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task A_server_that_accepts_and_never_speaks_counts_as_connected()
    {
        using var silent = SilentListener.Accepting();

        var result = await _probe.RunAsync(Context(TcpComponent($"127.0.0.1:{silent.Port}"), timeout: TimeSpan.FromSeconds(2)), Ct);

        result.Error.ShouldBeNull();
        result.Data!["connected"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task A_dropped_connection_attempt_times_out_within_the_probe_timeout()
    {
        using var blackhole = await SilentListener.BlackholedAsync(Ct);
        var clock = Stopwatch.StartNew();

        var result = await _probe.RunAsync(Context(TcpComponent($"127.0.0.1:{blackhole.Port}"), timeout: TimeSpan.FromSeconds(1)), Ct);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        result.Error!.Kind.ShouldBe(ErrorKinds.Timeout);
        result.Data!["connected"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task On_an_http_component_connects_to_the_urls_host_and_port()
    {
        using var listener = SilentListener.Accepting();

        var result = await _probe.RunAsync(Context(HttpComponent($"http://127.0.0.1:{listener.Port}/api", health: "/health")), Ct);

        result.Error.ShouldBeNull();
        result.Data!["host"]!.GetValue<string>().ShouldBe("127.0.0.1");
        result.Data["port"]!.GetValue<int>().ShouldBe(listener.Port);
        result.Data["connected"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task On_an_http_component_a_dropped_syn_is_a_timeout_and_a_closed_port_is_refused()
    {
        using var blackhole = await SilentListener.BlackholedAsync(Ct);
        var closed = LoopbackPorts.Closed();

        var dropped = await _probe.RunAsync(Context(HttpComponent($"http://127.0.0.1:{blackhole.Port}"), timeout: TimeSpan.FromSeconds(1)), Ct);
        var refused = await _probe.RunAsync(Context(HttpComponent($"http://127.0.0.1:{closed}"), timeout: TimeSpan.FromSeconds(1)), Ct);

        dropped.Error!.Kind.ShouldBe(ErrorKinds.Timeout);
        // the attempt's share (900ms) and the probe's deadline (1s) end together: either may report it
        dropped.Error.Message.ShouldStartWith($"no answer from 127.0.0.1:{blackhole.Port} within ");
        refused.Error!.Kind.ShouldBe(ErrorKinds.ConnectionRefused);
    }

    [Fact]
    public async Task When_the_engines_timeout_ends_a_dropped_connect_first_the_observation_still_names_the_address()
    {
        // The probe is handed a minute while the engine waits 300 ms, so the engine's timeout always wins the race
        // the two deadlines run on a loaded machine; the observation must still carry the address, never null.
        using var blackhole = await SilentListener.BlackholedAsync(Ct);
        var slow = new LongerDeadline(_probe, TimeSpan.FromMinutes(1));
        var invocation = new ProbeInvocation(slow, HttpComponent($"http://127.0.0.1:{blackhole.Port}"), [], TimeSpan.FromMilliseconds(300));

        var observation = await ProbeRunner.RunAsync(invocation, TimeProvider.System, Ct);

        observation.Status.ShouldBe(ObservationStatus.Timeout);
        observation.Error!.Message.ShouldBe($"no answer from 127.0.0.1:{blackhole.Port} within 300ms");
        var data = observation.Data.ShouldBeOfType<JsonObject>();
        data["host"]!.GetValue<string>().ShouldBe("127.0.0.1");
        data["port"]!.GetValue<int>().ShouldBe(blackhole.Port);
        data["connected"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task On_an_http_component_without_a_port_the_schemes_port_is_used()
    {
        var result = await _probe.RunAsync(Context(HttpComponent("https://nonexistent.invalid")), Ct);

        result.Error!.Kind.ShouldBe(ErrorKinds.Dns);
        result.Data!["port"]!.GetValue<int>().ShouldBe(443);
    }

    [Fact]
    public async Task On_an_http_component_a_url_that_is_not_one_is_an_invalid_argument()
    {
        var result = await _probe.RunAsync(Context(HttpComponent("not a url")), Ct);

        result.Error!.Kind.ShouldBe(ErrorKinds.InvalidArgument);
    }

    [Fact]
    public async Task A_bad_address_is_an_invalid_argument_not_an_exception()
    {
        var result = await _probe.RunAsync(Context(TcpComponent("localhost")), Ct);

        result.Error!.Kind.ShouldBe(ErrorKinds.InvalidArgument);
    }

    [Fact]
    public void Is_registered_among_the_built_in_probes_with_no_required_parameters()
    {
        BuiltInProbes.Registry().Find("tcp.connect").ShouldBeOfType<TcpConnectProbe>();
        _probe.Kinds.ShouldBe(["tcp", "http"]);
        _probe.Parameters.ShouldNotContain(p => p.Required);
    }

}
