using System.Diagnostics;
using Medic.Probes.Nats;
using Medic.Probes.Tests.NetSupport;
using Medic.Probes.Tests.Servers;
using Shouldly;
using Xunit;
using static Medic.Probes.Tests.Nats.NatsContexts;

namespace Medic.Probes.Tests.Nats;

public sealed class NatsClusterAndHealthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Routez_reports_the_route_between_two_clustered_servers()
    {
        var seedPort = NatsServer.FreePort();
        await using var seed = await NatsServer.StartAsync(
            jetStream: false, extraArgs: ["--cluster_name", "medic", "--cluster", $"nats://127.0.0.1:{seedPort}"]);
        await using var peer = await NatsServer.StartAsync(
            jetStream: false,
            extraArgs: ["--cluster_name", "medic", "--cluster", $"nats://127.0.0.1:{NatsServer.FreePort()}", "--routes", $"nats://127.0.0.1:{seedPort}"]);

        // Routes form asynchronously after both servers are up.
        var clock = Stopwatch.StartNew();
        var result = await RunAsync(new NatsRoutezProbe(), Component(seed));
        while (result.Data?["num_routes"]?.GetValue<long>() != 1 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50, Ct);
            result = await RunAsync(new NatsRoutezProbe(), Component(seed));
        }

        result.Error.ShouldBeNull();
        var route = result.Data!["routes"]!.AsArray().ShouldHaveSingleItem()!;
        route["ip"]!.GetValue<string>().ShouldBe("127.0.0.1");
        route["remote_id"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        route["pending_bytes"]!.GetValue<long>().ShouldBe(0);
        var varz = await RunAsync(new NatsVarzProbe(), Component(seed));
        varz.Data!["cluster"]!["name"]!.GetValue<string>().ShouldBe("medic");
        varz.Data["routes"]!.GetValue<long>().ShouldBe(1);
    }

    [Fact]
    public async Task Healthz_503_is_an_unhealthy_answer_not_a_probe_failure()
    {
        const string Body = """{"status":"unavailable","error":"JetStream stream 'orders' is not current"}""";
        await using var monitor = ScriptedServer.Answering(
            $"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: {Body.Length}\r\n\r\n{Body}");

        var result = await RunAsync(new NatsHealthzProbe(), Component("nats://127.0.0.1:4222", monitor.Url));

        result.Error.ShouldBeNull();
        result.Data!["healthy"]!.GetValue<bool>().ShouldBeFalse();
        result.Data["status_code"]!.GetValue<int>().ShouldBe(503);
        result.Data["status"]!.GetValue<string>().ShouldBe("unavailable");
        result.Data["error"]!.GetValue<string>().ShouldContain("not current");
    }
}
