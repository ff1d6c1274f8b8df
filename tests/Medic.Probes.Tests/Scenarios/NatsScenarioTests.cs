using System.Net.Sockets;
using System.Text;
using Medic.Core.Model;
using Medic.Probes.Tests.Nats;
using Medic.Probes.Tests.NetSupport;
using Medic.Probes.Tests.Servers;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Scenarios;

/// <summary>The generic NATS runbooks on real nats-servers in the faults the HarmonyLite guide describes.</summary>
public sealed class NatsScenarioTests
{
    private const string Password = "right-horse-battery";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_healthy_jetstream_server_yields_no_finding()
    {
        await using var server = await NatsServer.StartAsync();

        var report = await Scenario.DiagnoseAsync(SystemYaml(server.Url, server.MonitorUrl), Ct);

        report.Findings.ShouldBeEmpty();
        report.Observations.ShouldAllBe(o => o.Status == ObservationStatus.Ok);
    }

    [Fact]
    public async Task A_server_started_without_jetstream_is_named()
    {
        await using var server = await NatsServer.StartAsync(jetStream: false);

        var report = await Scenario.DiagnoseAsync(SystemYaml(server.Url, server.MonitorUrl), Ct);

        report.Causes().ShouldBe(["nats.jetstream-unavailable/jetstream-disabled"]);
        report.Findings[0].Explanation.ShouldContain("runs without JetStream");
    }

    [Fact]
    public async Task A_wrong_password_is_named_and_appears_nowhere_in_the_report()
    {
        await using var server = await NatsServer.StartAsync(extraArgs: ["--user", "harmonylite", "--pass", Password]);

        var report = await Scenario.DiagnoseAsync(
            SystemYaml(server.Url, server.MonitorUrl, "user: harmonylite, password: 'wrong-horse-battery'"), Ct);

        report.Causes().ShouldContain("nats.unreachable/auth-failed");
        var finding = report.Findings.First(f => f.Cause == "auth-failed");
        finding.Explanation.ShouldContain("Authorization Violation");
        finding.Explanation.ShouldContain("harmonylite");
        finding.Explanation.ShouldNotContain("wrong-horse-battery");
    }

    [Fact]
    public async Task A_stopped_server_is_refused()
    {
        var report = await Scenario.DiagnoseAsync(SystemYaml($"nats://127.0.0.1:{LoopbackPorts.Closed()}", null), Ct);

        report.Causes().ShouldContain("nats.unreachable/refused");
    }

    [Fact]
    public async Task A_consumer_nobody_reads_with_a_backlog_is_named()
    {
        await using var server = await NatsServer.StartAsync();
        await using (var client = await NatsTestClient.ConnectAsync(server.Port))
        {
            await client.CreateStreamAsync("harmonylite-changes-1", "harmonylite-changes-1.>");
            await client.CreateConsumerAsync("harmonylite-changes-1", "node-2");
            for (var i = 0; i < 1500; i++)
            {
                await client.PublishAsync("harmonylite-changes-1.t", $"change {i}");
            }

            await client.FlushAsync();
        }

        var report = await Scenario.DiagnoseAsync(SystemYaml(server.Url, server.MonitorUrl), Ct);

        report.Causes().ShouldBe(["nats.consumer-lagging/backlog", "nats.consumer-lagging/no-reader"], ignoreOrder: true);
        var backlog = report.Findings.Single(f => f.Cause == "backlog");
        backlog.Title.ShouldContain("harmonylite-changes-1/node-2");
        backlog.Explanation.ShouldContain("1500 messages pending");
    }

    [Fact]
    public async Task A_file_store_filled_by_one_stream_is_named()
    {
        await using var server = await NatsServer.StartAsync(
            jetStream: false,
            config: "jetstream { store_dir: \"{folder}/js\", max_file_store: 1048576 }\n");
        await using (var client = await NatsTestClient.ConnectAsync(server.Port))
        {
            await client.CreateStreamAsync("changes", "changes.>", maxBytes: 1_000_000);
            var payload = new string('x', 10_000);
            for (var i = 0; i < 95; i++)
            {
                await client.PublishAsync("changes.t", payload);
            }

            await client.FlushAsync();
        }

        var report = await Scenario.DiagnoseAsync(SystemYaml(server.Url, server.MonitorUrl), Ct);

        report.Causes().ShouldContain("nats.storage-near-limit/file-store-near-limit");
        report.Causes().ShouldContain("nats.storage-near-limit/reservations-near-limit");
        report.Causes().ShouldContain("nats.storage-near-limit/stream-near-limit");
    }

    [Fact]
    public async Task A_subscriber_that_stops_reading_is_cut_off_as_a_slow_consumer_and_named()
    {
        await using var server = await NatsServer.StartAsync(jetStream: false, config: "max_pending: 65536\nmax_payload: 16384\n");
        using var lazy = await LazySubscriberAsync(server.Port, "lazy-replica", "changes");
        await using (var publisher = await NatsTestClient.ConnectAsync(server.Port, name: "writer"))
        {
            // Kernel buffers absorb a few MB before the server's own buffer for the subscriber passes max_pending.
            var payload = new string('x', 8192);
            for (var batch = 0; batch < 30 && !server.Log.Contains("Slow Consumer Detected", StringComparison.Ordinal); batch++)
            {
                for (var i = 0; i < 100; i++)
                {
                    await publisher.PublishAsync("changes", payload);
                }
            }

            await publisher.FlushAsync();
        }

        var report = await Scenario.DiagnoseAsync(SystemYaml(server.Url, server.MonitorUrl, "jetstream: false"), Ct);

        report.Causes().ShouldContain("nats.slow-consumers/clients-cut-off");
        report.Findings.First(f => f.Cause == "clients-cut-off").Explanation.ShouldContain("lazy-replica from 127.0.0.1 (Slow Consumer");
    }

    private static string SystemYaml(string url, string? monitor, string extra = "")
    {
        var settings = $"kind: nats, url: '{url}'" + (monitor is null ? "" : $", monitor: '{monitor}'") + (extra.Length > 0 ? ", " + extra : "");
        return $"system: s\ncomponents:\n  bus: {{ {settings} }}\n";
    }

    /// <summary>A subscriber with a tiny receive buffer that never reads after subscribing: a slow consumer by construction.</summary>
    private static async Task<Socket> LazySubscriberAsync(int port, string name, string subject)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await socket.ConnectAsync("127.0.0.1", port, Ct);
        var hello = $"CONNECT {{\"verbose\":false,\"pedantic\":false,\"name\":\"{name}\"}}\r\nSUB {subject} 1\r\nPING\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(hello), Ct);
        var seen = "";
        var buffer = new byte[1024];
        while (!seen.Contains("PONG", StringComparison.Ordinal))
        {
            var n = await socket.ReceiveAsync(buffer, Ct);
            n.ShouldBeGreaterThan(0, "the server closed the subscriber's connection");
            seen += Encoding.ASCII.GetString(buffer, 0, n);
        }

        return socket;
    }
}
