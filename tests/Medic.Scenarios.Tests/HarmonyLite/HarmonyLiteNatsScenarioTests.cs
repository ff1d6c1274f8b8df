using Medic.Probes.Tests.Nats;
using Medic.Probes.Tests.Servers;
using Medic.Probes.Tests.Support;
using Medic.Scenarios.Tests.Support;
using Shouldly;
using Xunit;
using Report = Medic.Scenarios.Tests.HarmonyLite.HarmonyLiteScenarioTests.Report;

namespace Medic.Scenarios.Tests.HarmonyLite;

/// <summary>
/// NATS faults a HarmonyLite node meets, each on real nats-servers: a dead URL in [nats] urls, an outage longer
/// than the node's retry budget (a real stop and restart), and a message block damaged on disk while the server was
/// down. Each has a healthy twin built the same way without the fault.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HarmonyLiteNatsScenarioTests(HarmonyLiteFixture fx) : IClassFixture<HarmonyLiteFixture>, IDisposable
{
    private const string Stream = "harmonylite-changes-1";
    private readonly TempFolder _logs = new();
    private HarmonyLiteNode? _node;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string LogFile => _logs.File("harmonylite.log");

    public void Dispose()
    {
        _node?.Dispose();
        _logs.Dispose();
    }

    [Fact]
    [Covers("harmonylite.nats-connection-failures/wrong-urls")]
    public async Task A_dead_URL_in_the_node_config_is_quoted()
    {
        var dead = NatsServer.FreePort();
        var node = await NodeAsync(fx.Nats, $"urls = [\"{fx.Nats.Url}\", \"nats://127.0.0.1:{dead}\"]");

        var report = await DiagnoseAsync(node, fx.Nats);

        report.First().ShouldBe("harmonylite.nats-connection-failures/wrong-urls");
        report.Explanation(0).ShouldContain($"nats://127.0.0.1:{dead} (connection_refused: connection to 127.0.0.1:{dead} was refused");
        report.Explanation(0).ShouldContain($"1 answer with a NATS INFO line ({fx.Nats.Url})");
    }

    [Fact]
    public async Task Every_configured_URL_down_is_the_server_down_not_a_wrong_URL()
    {
        var dead = $"nats://127.0.0.1:{NatsServer.FreePort()}";
        var node = await NodeAsync(fx.Nats, $"urls = [\"{dead}\"]");
        var env = node.Env(dead, $"http://127.0.0.1:{NatsServer.FreePort()}", fx.StandIn.Url);

        var run = await MedicRun.RunAsync(env, "diagnose", "-f", Path.Combine(MedicRun.Root, "examples/harmonylite/medic.yaml"), "--format", "json");
        var report = new Report(run);

        report.First().ShouldBe("harmonylite.nats-connection-failures/server-down");
        report.Causes.ShouldNotContain("harmonylite.nats-connection-failures/wrong-urls");
    }

    [Fact]
    public async Task Two_live_URLs_have_nothing_at_warning_or_above()
    {
        await using var second = await NatsServer.StartAsync();
        var node = await NodeAsync(fx.Nats, $"urls = [\"{fx.Nats.Url}\", \"{second.Url}\"]");

        var report = await DiagnoseAsync(node, fx.Nats);

        report.AtWarningOrAbove().ShouldBeEmpty();
    }

    [Fact]
    [Covers("harmonylite.nats-connection-failures/retry-settings")]
    public async Task An_outage_longer_than_the_retry_budget_is_named()
    {
        await using var nats = await StreamServerAsync();
        var node = await NodeAsync(nats, $"urls = [\"{nats.Url}\"]\nconnect_retries = 2\nreconnect_wait_seconds = 1");
        await using var replicator = await ReplicatorConnection.StartAsync(nats.Port, retries: 2, TimeSpan.FromSeconds(1), LogFile);

        await nats.StopAsync();
        await replicator.Exited.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await nats.StartAgainAsync();
        var report = await DiagnoseAsync(node, nats);

        report.First().ShouldBe("harmonylite.nats-connection-failures/retry-settings");
        report.Explanation(0).ShouldContain("\"message\":\"NATS client exiting\"");
        report.Explanation(0).ShouldContain("a budget of about 2 s");
        report.Explanation(0).ShouldContain("sets connect_retries = 2, reconnect_wait_seconds = 1");
        report.Explanation(0).ShouldContain($"{nats.Url} accepts clients again (nats-server started 20");
    }

    [Fact]
    public async Task A_restart_within_the_default_budget_has_nothing_at_warning_or_above()
    {
        await using var nats = await StreamServerAsync();
        var node = await NodeAsync(nats, $"urls = [\"{nats.Url}\"]");
        await using var replicator = await ReplicatorConnection.StartAsync(nats.Port, retries: 5, TimeSpan.FromSeconds(2), LogFile);

        await nats.StopAsync();
        await replicator.Disconnected.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await nats.StartAgainAsync();
        await replicator.Reconnected.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var report = await DiagnoseAsync(node, nats);

        File.ReadAllText(LogFile).ShouldContain("NATS client reconnected");
        report.AtWarningOrAbove().ShouldBeEmpty();
    }

    [Fact]
    [Covers("harmonylite.jetstream-errors/stream-corrupted")]
    public async Task A_damaged_message_block_leaves_a_hole_in_the_stream()
    {
        await using var nats = await StreamServerAsync(publish: 2000);
        var node = await NodeAsync(nats, $"urls = [\"{nats.Url}\"]");

        await nats.StopAsync();
        await using (var block = new FileStream(BlockFile(nats), FileMode.Open, FileAccess.Write))
        {
            block.Seek(block.Length / 2, SeekOrigin.Begin);
            await block.WriteAsync(Enumerable.Repeat((byte)'Z', 3000).ToArray(), Ct);
        }

        await nats.StartAgainAsync();
        await ReadFirstChangeAsync(nats);
        var report = await DiagnoseAsync(node, nats);

        report.First().ShouldBe("harmonylite.jetstream-errors/stream-corrupted");
        report.Explanation(0).ShouldMatch($@"{Stream} holds \d+ message\(s\) for sequences 1\.\.\d+ with [1-9]\d* missing inside that range");
        report.Explanation(0).ShouldContain(Path.Combine(nats.Folder, "js", "jetstream"));
        nats.Log.ShouldContain($"for stream '$G > {Stream}'");
    }

    [Fact]
    public async Task A_stream_recovered_intact_has_nothing_at_warning_or_above()
    {
        await using var nats = await StreamServerAsync(publish: 2000);
        var node = await NodeAsync(nats, $"urls = [\"{nats.Url}\"]");

        await nats.StopAsync();
        await nats.StartAgainAsync();
        await ReadFirstChangeAsync(nats);
        var report = await DiagnoseAsync(node, nats);

        nats.Log.ShouldContain($"Restored 2,000 messages for stream '$G > {Stream}'");
        report.AtWarningOrAbove().ShouldBeEmpty();
    }

    /// <summary>
    /// Reads the stream's first message, as a node's subscription does after a restart. Whether the server checks
    /// the block at startup depends on whether its index file was flushed before the kill; reading the block always
    /// checks it, so the damage shows either way. The read that finds a damaged block is answered "no message found"
    /// while the server drops it, so its answer is not asserted here; the stream's state afterwards is.
    /// </summary>
    private static async Task ReadFirstChangeAsync(NatsServer nats)
    {
        await using var client = await NatsTestClient.ConnectAsync(nats.Port);
        try
        {
            await client.RequestAsync($"$JS.API.STREAM.MSG.GET.{Stream}", new System.Text.Json.Nodes.JsonObject { ["seq"] = 1 });
        }
        catch (InvalidOperationException e) when (e.Message.Contains("no message found", StringComparison.Ordinal))
        {
        }
    }

    private static string BlockFile(NatsServer nats) =>
        Path.Combine(nats.Folder, "js", "jetstream", "$G", "streams", Stream, "msgs", "1.blk");

    /// <summary>A nats-server with JetStream and the node's change stream, optionally filled by a real publisher.</summary>
    private static async Task<NatsServer> StreamServerAsync(int publish = 0)
    {
        var nats = await NatsServer.StartAsync();
        await using var client = await NatsTestClient.ConnectAsync(nats.Port);
        await client.CreateStreamAsync(Stream, $"{Stream}.>");
        for (var i = 0; i < publish; i++)
        {
            await client.PublishAsync($"{Stream}.notes", $"{{\"table\":\"notes\",\"id\":{i},\"body\":\"{new string('x', 200)}\"}}");
        }

        await client.FlushAsync();
        return nats;
    }

    private async Task<HarmonyLiteNode> NodeAsync(NatsServer nats, string natsTable)
    {
        var node = _node = await HarmonyLiteNode.CreateAsync(nats.Url);
        var toml = HarmonyLiteNode.Toml(node, 1, nats.Url);
        toml = toml[..toml.IndexOf("urls = ", StringComparison.Ordinal)] + natsTable + "\n";
        await File.WriteAllTextAsync(node.Config, toml, Ct);
        return node;
    }

    private async Task<Report> DiagnoseAsync(HarmonyLiteNode node, NatsServer nats)
    {
        var env = node.Env(nats.Url, nats.MonitorUrl, fx.StandIn.Url);
        env["HARMONYLITE_LOG"] = LogFile;
        var run = await MedicRun.RunAsync(env, "diagnose", "-f", Path.Combine(MedicRun.Root, "examples/harmonylite/medic.yaml"), "--format", "json");
        run.Stderr.ShouldBeEmpty();
        return new Report(run);
    }
}
