using System.Diagnostics;
using System.Text.Json.Nodes;
using Medic.Core.Engine;
using Medic.Core.Model;
using Medic.Probes.Http;
using Medic.Probes.Tests.NetSupport;
using Shouldly;
using Xunit;
using static Medic.Probes.Tests.NetSupport.NetProbeContexts;

namespace Medic.Probes.Tests.Http;

public sealed class HttpGetFailureTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly HttpGetProbe _probe = new();

    [Fact]
    public async Task A_closed_port_is_connection_refused_with_the_url_in_the_data()
    {
        var url = $"http://127.0.0.1:{LoopbackPorts.Closed()}";

        var result = await _probe.RunAsync(Context(HttpComponent(url, health: "/health")), Ct);

        result.Error!.Kind.ShouldBe(ErrorKinds.ConnectionRefused);
        result.Error.Message.ShouldContain("Connection refused");
        result.Data!["url"]!.GetValue<string>().ShouldBe(url + "/health");
    }

    [Fact]
    public async Task An_unresolvable_host_is_a_dns_error()
    {
        var result = await _probe.RunAsync(Context(HttpComponent("http://nonexistent.invalid")), Ct);

        result.Error!.Kind.ShouldBe(ErrorKinds.Dns);
        result.Error.Message.ShouldStartWith("nonexistent.invalid: name does not resolve");
    }

    [Fact]
    public async Task A_connection_reset_without_an_answer_is_connection_reset()
    {
        await using var server = ScriptedServer.Resetting();

        var result = await _probe.RunAsync(Context(HttpComponent(server.Url)), Ct);

        result.Error!.Kind.ShouldBe(ErrorKinds.ConnectionReset);
    }

    [Fact]
    public async Task A_malformed_response_is_a_protocol_error()
    {
        await using var server = ScriptedServer.Answering("this is not HTTP\r\n\r\n");

        var result = await _probe.RunAsync(Context(HttpComponent(server.Url)), Ct);

        result.Error!.Kind.ShouldBe(ErrorKinds.Protocol);
    }

    [Fact]
    public async Task Speaking_tls_to_a_plain_http_server_is_a_tls_error()
    {
        await using var server = ScriptedServer.Start(async (socket, ct) =>
        {
            // Whatever the client sends first (a TLS ClientHello here), answer as a plain HTTP server would.
            await socket.ReceiveAsync(new byte[4096], ct);
            await socket.SendAsync("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), ct);
            socket.Shutdown(System.Net.Sockets.SocketShutdown.Both);
        });

        var result = await _probe.RunAsync(Context(HttpComponent($"https://127.0.0.1:{server.Port}")), Ct);

        result.Error!.Kind.ShouldBe(ErrorKinds.Tls);
    }

    [Fact]
    public async Task The_engine_reports_a_timeout_for_a_server_that_accepts_and_never_answers()
    {
        using var silent = SilentListener.Accepting();
        var invocation = new ProbeInvocation(_probe, HttpComponent($"http://127.0.0.1:{silent.Port}"), new JsonObject { ["path"] = "/health" }, TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        var observation = await ProbeRunner.RunAsync(invocation, TimeProvider.System, Ct);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        observation.Status.ShouldBe(ObservationStatus.Timeout);
        observation.Error!.Kind.ShouldBe(ErrorKinds.Timeout);
    }
}
