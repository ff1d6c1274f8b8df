using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Probes.Nats;
using Medic.Probes.Tests.NetSupport;
using Medic.Probes.Tests.Servers;
using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Nats;

/// <summary><c>nats.urls</c> on real nats-servers: every URL a config file lists, answered or not, and why.</summary>
[Collection(NatsCollection.Name)]
public sealed class NatsUrlsProbeTests(NatsFixture nats) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Each_configured_url_is_checked_and_a_dead_one_is_classified()
    {
        var dead = NatsServer.FreePort();
        var data = await RunAsync($"[nats]\nurls = [\"{nats.JetStream.Url}\", \"nats://127.0.0.1:{dead}\", \"127.0.0.1:{nats.NoJetStream.Port}\"]\n");

        data["count"]!.GetValue<int>().ShouldBe(3);
        data["reachable"]!.GetValue<int>().ShouldBe(2);
        data["unreachable"]!.GetValue<int>().ShouldBe(1);
        var urls = data["urls"]!.AsArray();
        urls[0]!["reachable"]!.GetValue<bool>().ShouldBeTrue();
        urls[0]!["jetstream"]!.GetValue<bool>().ShouldBeTrue();
        urls[0]!["version"]!.GetValue<string>().ShouldMatch(@"^\d+\.\d+\.\d+");
        urls[1]!["error"]!["kind"]!.GetValue<string>().ShouldBe(ErrorKinds.ConnectionRefused);
        urls[2]!["url"]!.GetValue<string>().ShouldBe(nats.NoJetStream.Url);
        urls[2]!["jetstream"]!.GetValue<bool>().ShouldBeFalse();
        data["failures"]![0]!.GetValue<string>().ShouldBe($"nats://127.0.0.1:{dead} (connection_refused: connection to 127.0.0.1:{dead} was refused: nothing listens there)");
    }

    [Fact]
    public async Task A_comma_separated_string_under_another_key_is_read_and_credentials_are_never_shown()
    {
        var data = await RunAsync(
            $"[bus]\nservers = \"nats://{NatsFixture.User}:{NatsFixture.Password}@127.0.0.1:{nats.Guarded.Port}, not a url\"\n",
            new JsonObject { ["key"] = "bus.servers" });

        data["count"]!.GetValue<int>().ShouldBe(2);
        data["urls"]![0]!["reachable"]!.GetValue<bool>().ShouldBeTrue();
        data["urls"]![1]!["error"]!["kind"]!.GetValue<string>().ShouldBe(ErrorKinds.InvalidArgument);
        data.ToJsonString().ShouldNotContain(NatsFixture.Password);
        data.ToJsonString().ShouldNotContain("not a url");
    }

    [Fact]
    public async Task A_port_that_is_not_nats_is_a_protocol_error_and_a_silent_one_a_timeout()
    {
        using var http = new TcpListener(IPAddress.Loopback, 0);
        http.Start();
        var port = ((IPEndPoint)http.LocalEndpoint).Port;
        var answering = Task.Run(async () =>
        {
            using var client = await http.AcceptTcpClientAsync(TestContext.Current.CancellationToken);
            await client.GetStream().WriteAsync("HTTP/1.1 400 Bad Request\r\n\r\n"u8.ToArray(), TestContext.Current.CancellationToken);
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }, TestContext.Current.CancellationToken);
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var quiet = ((IPEndPoint)silent.LocalEndpoint).Port;

        var data = await RunAsync($"[nats]\nurls = [\"nats://127.0.0.1:{port}\", \"nats://127.0.0.1:{quiet}\"]\n", timeout: TimeSpan.FromSeconds(1));
        await answering;

        data["urls"]![0]!["error"]!["kind"]!.GetValue<string>().ShouldBe(ErrorKinds.Protocol);
        data["urls"]![1]!["error"]!["kind"]!.GetValue<string>().ShouldBe(ErrorKinds.Timeout);
        data["urls"]![1]!["error"]!["message"]!.GetValue<string>().ShouldContain("sent no INFO");
    }

    [Fact]
    public async Task A_config_without_urls_lists_none_and_a_broken_one_fails_clearly()
    {
        var none = await RunAsync("node_id = 1\n");
        none["count"]!.GetValue<int>().ShouldBe(0);

        var path = _folder.File("broken.toml");
        await File.WriteAllTextAsync(path, "[nats\nurls = []\n", TestContext.Current.CancellationToken);
        var result = await new NatsUrlsProbe().RunAsync(
            NetProbeContexts.Context(NetProbeContexts.Component("config", new JsonObject { ["path"] = path })), TestContext.Current.CancellationToken);
        result.Error!.Kind.ShouldBe(ErrorKinds.InvalidArgument);
        result.Error.Message.ShouldContain(path);
    }

    private async Task<JsonObject> RunAsync(string toml, JsonObject? args = null, TimeSpan? timeout = null)
    {
        var path = _folder.File($"node-{Guid.NewGuid():N}.toml");
        await File.WriteAllTextAsync(path, toml, TestContext.Current.CancellationToken);
        var component = NetProbeContexts.Component("config", new JsonObject { ["path"] = path });
        var result = await new NatsUrlsProbe().RunAsync(NetProbeContexts.Context(component, args, timeout), TestContext.Current.CancellationToken);
        result.Error.ShouldBeNull(result.Error?.Message);
        return result.Data!.AsObject();
    }
}
