using System.Text.Json.Nodes;
using Medic.Probes.Nats;
using Medic.Probes.Tests.Servers;
using Shouldly;
using Xunit;
using static Medic.Probes.Tests.Nats.NatsContexts;

namespace Medic.Probes.Tests.Nats;

/// <summary>Every nats probe leaves the server as it found it: no message published, no stream or consumer touched.</summary>
public sealed class NatsReadOnlyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Running_every_nats_probe_changes_no_stream_consumer_or_message_counter()
    {
        await using var server = await NatsServer.StartAsync();
        await using (var client = await NatsTestClient.ConnectAsync(server.Port))
        {
            await client.CreateStreamAsync("ledger", "ledger.>");
            await client.CreateConsumerAsync("ledger", "auditor");
            for (var i = 0; i < 5; i++)
            {
                await client.PublishAsync("ledger.entry", $"entry {i}");
            }

            await client.FlushAsync();
        }

        var before = await SnapshotAsync(server);
        foreach (var probe in NatsProbes.All().Where(p => p.Kinds.Contains("nats")))
        {
            var result = await RunAsync(probe, Component(server));
            result.Error.ShouldBeNull($"{probe.Name}: {result.Error?.Message}");
        }

        // nats.urls reads a config file's URL list: aim it at this server too.
        using var folder = new Support.TempFolder();
        await File.WriteAllTextAsync(folder.File("node.toml"), $"[nats]\nurls = [\"{server.Url}\"]\n", Ct);
        var urls = await RunAsync(new NatsUrlsProbe(), NetSupport.NetProbeContexts.Component("config", new JsonObject { ["path"] = folder.File("node.toml") }));
        urls.Data!["reachable"]!.GetValue<int>().ShouldBe(1);

        var after = await SnapshotAsync(server);

        after.ToJsonString().ShouldBe(before.ToJsonString());
        before["consumer"]!["num_pending"]!.GetValue<long>().ShouldBe(5);
    }

    /// <summary>What a write would change, read straight from the monitoring endpoints rather than through any probe.</summary>
    private static async Task<JsonObject> SnapshotAsync(NatsServer server)
    {
        using var http = new HttpClient();
        var varz = JsonNode.Parse(await http.GetStringAsync($"{server.MonitorUrl}/varz", Ct))!;
        var jsz = JsonNode.Parse(await http.GetStringAsync($"{server.MonitorUrl}/jsz?streams=true&consumers=true", Ct))!;
        var stream = jsz["account_details"]![0]!["stream_detail"]![0]!;
        var consumer = stream["consumer_detail"]![0]!;
        return new JsonObject
        {
            ["in_msgs"] = varz["in_msgs"]!.DeepClone(),
            ["in_bytes"] = varz["in_bytes"]!.DeepClone(),
            ["out_msgs"] = varz["out_msgs"]!.DeepClone(),
            ["js_api_total"] = jsz["api"]!["total"]!.DeepClone(),
            ["streams"] = jsz["streams"]!.DeepClone(),
            ["consumers"] = jsz["consumers"]!.DeepClone(),
            ["state"] = stream["state"]!.DeepClone(),
            ["consumer"] = new JsonObject
            {
                ["num_pending"] = consumer["num_pending"]!.DeepClone(),
                ["num_ack_pending"] = consumer["num_ack_pending"]!.DeepClone(),
                ["num_redelivered"] = consumer["num_redelivered"]!.DeepClone(),
                ["delivered"] = consumer["delivered"]!.DeepClone(),
                ["ack_floor"] = consumer["ack_floor"]!.DeepClone(),
            },
        };
    }
}
