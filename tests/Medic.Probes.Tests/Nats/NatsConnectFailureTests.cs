using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Medic.Core.Model;
using Medic.Probes.Nats;
using Medic.Probes.Tests.NetSupport;
using Medic.Probes.Tests.Servers;
using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;
using static Medic.Probes.Tests.Nats.NatsContexts;

namespace Medic.Probes.Tests.Nats;

/// <summary>Failures of nats.connect on real servers configured to produce them, and on fakes for those no server produces on demand.</summary>
public sealed class NatsConnectFailureTests
{
    private const string Info = "INFO {\"server_id\":\"FAKE\",\"version\":\"2.9.10\",\"max_payload\":1048576,\"jetstream\":true}\r\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_server_at_max_connections_is_too_many_clients()
    {
        await using var server = await NatsServer.StartAsync(jetStream: false, config: "max_connections: 1\n");
        await using var holder = await NatsTestClient.ConnectAsync(server.Port);

        var result = await RunAsync(new NatsConnectProbe(), Component(server));

        var error = result.Error.ShouldNotBeNull();
        error.Kind.ShouldBe(ErrorKinds.TooManyClients);
        error.Message.ShouldContain("maximum connections exceeded");
    }

    [Fact]
    public async Task A_tls_server_is_reached_over_tls_when_its_certificate_is_accepted()
    {
        using var folder = new TempFolder();
        await using var server = await StartTlsServerAsync(folder);

        var insecure = await RunAsync(new NatsConnectProbe(), Component(server.Url, tlsInsecure: true));
        var verified = await RunAsync(new NatsConnectProbe(), Component(server.Url));

        insecure.Error.ShouldBeNull();
        insecure.Data!["tls"]!.GetValue<bool>().ShouldBeTrue();
        insecure.Data["tls_required"]!.GetValue<bool>().ShouldBeTrue();
        insecure.Data["tls_insecure"]!.GetValue<bool>().ShouldBeTrue();
        verified.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.Tls);
        verified.Data!["stage"]!.GetValue<string>().ShouldBe("tls");
    }

    [Fact]
    public async Task A_peer_that_does_not_speak_nats_is_a_protocol_error()
    {
        await using var fake = ScriptedServer.Start((socket, ct) => SendAsync(socket, "SSH-2.0-OpenSSH_9.2\r\n", ct));

        var result = await RunAsync(new NatsConnectProbe(), Component($"nats://127.0.0.1:{fake.Port}"));

        var error = result.Error.ShouldNotBeNull();
        error.Kind.ShouldBe(ErrorKinds.Protocol);
        error.Message.ShouldContain("SSH-2.0");
    }

    [Fact]
    public async Task An_info_line_that_is_not_json_is_a_protocol_error()
    {
        await using var fake = ScriptedServer.Start((socket, ct) => SendAsync(socket, "INFO {not json\r\n", ct));

        var result = await RunAsync(new NatsConnectProbe(), Component($"nats://127.0.0.1:{fake.Port}"));

        result.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.Protocol);
    }

    [Fact]
    public async Task A_server_that_sends_info_and_then_never_answers_ping_times_out_at_the_auth_stage()
    {
        await using var fake = ScriptedServer.Start(async (socket, ct) =>
        {
            await SendAsync(socket, Info, ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        var clock = Stopwatch.StartNew();

        var result = await new NatsConnectProbe().RunAsync(Context(Component($"nats://127.0.0.1:{fake.Port}"), timeout: TimeSpan.FromSeconds(1)), Ct);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        result.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.Timeout);
        result.Data!["stage"]!.GetValue<string>().ShouldBe("auth");
        result.Data["server_id"]!.GetValue<string>().ShouldBe("FAKE");
    }

    [Fact]
    public async Task A_server_that_closes_after_info_is_a_connection_reset()
    {
        await using var fake = ScriptedServer.Start(async (socket, ct) =>
        {
            await SendAsync(socket, Info, ct);
            socket.Shutdown(SocketShutdown.Both);
        });

        var result = await RunAsync(new NatsConnectProbe(), Component($"nats://127.0.0.1:{fake.Port}"));

        result.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.ConnectionReset);
    }

    [Fact]
    public async Task The_probe_sends_connect_and_ping_and_nothing_else()
    {
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var fake = ScriptedServer.Start(async (socket, ct) =>
        {
            await SendAsync(socket, Info, ct);
            var text = new StringBuilder();
            var buffer = new byte[4096];
            while (!text.ToString().Contains("PING\r\n", StringComparison.Ordinal))
            {
                var n = await socket.ReceiveAsync(buffer, ct);
                if (n == 0)
                {
                    break;
                }

                text.Append(Encoding.UTF8.GetString(buffer, 0, n));
            }

            await SendAsync(socket, "PONG\r\n", ct);
            var rest = await socket.ReceiveAsync(buffer, ct);
            received.TrySetResult(text + Encoding.UTF8.GetString(buffer, 0, rest));
        });

        var result = await RunAsync(new NatsConnectProbe(), Component($"nats://127.0.0.1:{fake.Port}", user: "bob", password: "pw-in-connect"));
        var sent = await received.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        result.Error.ShouldBeNull();
        var lines = sent.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[0].ShouldStartWith("CONNECT {");
        lines[0].ShouldContain("\"name\":\"medic\"");
        lines[0].ShouldContain("\"user\":\"bob\"");
        lines[0].ShouldContain("\"verbose\":false");
        lines[1].ShouldBe("PING");
    }

    private static async Task SendAsync(Socket socket, string text, CancellationToken ct) =>
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), ct);

    private static async Task<NatsServer> StartTlsServerAsync(TempFolder folder)
    {
        var cert = folder.File("cert.pem");
        var key = folder.File("key.pem");
        var openssl = Process.Start(new ProcessStartInfo("openssl")
        {
            ArgumentList =
            {
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert,
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("openssl is not installed (apt-get install -y openssl)");
        await openssl.WaitForExitAsync(Ct);
        openssl.ExitCode.ShouldBe(0, await openssl.StandardError.ReadToEndAsync(Ct));
        return await NatsServer.StartAsync(jetStream: false, extraArgs: ["--tls", "--tlscert", cert, "--tlskey", key]);
    }
}
