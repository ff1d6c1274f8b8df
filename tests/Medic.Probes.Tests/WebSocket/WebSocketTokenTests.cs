using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Probes.Tests.Support;
using Medic.Probes.WebSocket;
using Shouldly;
using Xunit;
using static Medic.Probes.Tests.WebSocket.WebSocketConnectProbeTests;

namespace Medic.Probes.Tests.WebSocket;

/// <summary>The component's token reaches the server where it reads it, and never the observation.</summary>
public sealed class WebSocketTokenTests(WebSocketTestServer server) : IClassFixture<WebSocketTestServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sends_the_token_as_a_bearer_header_and_never_shows_it()
    {
        var result = await new WebSocketConnectProbe().RunAsync(
            Context(server.Url + "/private", new() { ["token"] = WebSocketTestServer.Token }), Ct);

        var data = result.OkData();
        data["upgraded"]!.GetValue<bool>().ShouldBeTrue();
        data["token_sent"]!.GetValue<string>().ShouldBe("header");
        data.ToJsonString().ShouldNotContain(WebSocketTestServer.Token);
    }

    [Fact]
    public async Task Sends_the_token_in_the_query_when_the_component_says_so_and_masks_it_in_the_url()
    {
        var result = await new WebSocketConnectProbe().RunAsync(
            Context(server.Url + "/private?room=lab", new() { ["token"] = WebSocketTestServer.Token, ["token_query"] = "token" }), Ct);

        var data = result.OkData();
        data["upgraded"]!.GetValue<bool>().ShouldBeTrue();
        data["token_sent"]!.GetValue<string>().ShouldBe("query");
        data["url"]!.GetValue<string>().ShouldEndWith("/private?room=lab&token=***");
        data.ToJsonString().ShouldNotContain(WebSocketTestServer.Token);
        server.Requests.ShouldContain($"/private?room=lab&token={WebSocketTestServer.Token}");
    }

    [Fact]
    public async Task A_missing_or_wrong_token_is_a_401_with_the_servers_challenge()
    {
        var missing = await new WebSocketConnectProbe().RunAsync(Context(server.Url + "/private"), Ct);
        var wrong = await new WebSocketConnectProbe().RunAsync(Context(server.Url + "/private", new() { ["token"] = "nope-wrong-token" }), Ct);

        foreach (var result in new[] { missing, wrong })
        {
            result.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.UpgradeRejected);
            result.Data!["status_code"]!.GetValue<int>().ShouldBe(401);
            result.Data!["www_authenticate"]!.GetValue<string>().ShouldContain("invalid_token");
        }

        missing.Data!["token_sent"].ShouldBeNull();
        wrong.Data!.ToJsonString().ShouldNotContain("nope-wrong-token");
        wrong.Error!.Message.ShouldNotContain("nope-wrong-token");
    }

    [Fact]
    public async Task Sends_the_components_headers_but_never_its_own_handshake_headers_twice()
    {
        var result = await new WebSocketConnectProbe().RunAsync(
            Context(server.Url + "/private", new() { ["headers"] = new JsonObject { ["Authorization"] = "Bearer " + WebSocketTestServer.Token, ["Upgrade"] = "h2c" } }), Ct);

        result.OkData()["upgraded"]!.GetValue<bool>().ShouldBeTrue();
    }
}
