using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Tests.Support;
using Medic.Probes.WebSocket;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.WebSocket;

/// <summary>websocket.connect against a real Kestrel WebSocket server.</summary>
public sealed class WebSocketConnectProbeTests(WebSocketTestServer server) : IClassFixture<WebSocketTestServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static ProbeContext Context(string url, JsonObject? settings = null, JsonObject? args = null, TimeSpan? timeout = null)
    {
        var all = settings ?? [];
        all["url"] = url;
        return ProbeHarness.Context("websocket", all, args, timeout);
    }

    [Fact]
    public async Task Upgrades_and_times_a_round_trip_on_an_echo_endpoint()
    {
        var result = await new WebSocketConnectProbe().RunAsync(Context(server.Url + "/echo", new() { ["send"] = "ping 1" }), Ct);

        var data = result.OkData();
        data["upgraded"]!.GetValue<bool>().ShouldBeTrue();
        data["status_code"]!.GetValue<int>().ShouldBe(101);
        data["upgrade_header_echoed"]!.GetValue<bool>().ShouldBeTrue();
        data["reply_received"]!.GetValue<bool>().ShouldBeTrue();
        data["reply"]!.GetValue<string>().ShouldBe("ping 1");
        data["round_trip_ms"]!.GetValue<double>().ShouldBeInRange(0, 3000);
        data["connect_ms"]!.GetValue<double>().ShouldBeGreaterThanOrEqualTo(0);
        data["closed"].ShouldBeNull();
    }

    [Fact]
    public async Task Times_the_first_message_of_a_server_that_speaks_first()
    {
        var result = await new WebSocketConnectProbe().RunAsync(
            Context(server.Url + "/hello", args: new() { ["expect_first_message"] = true, ["send"] = "and back" }), Ct);

        var data = result.OkData();
        data["first_message_received"]!.GetValue<bool>().ShouldBeTrue();
        data["first_message"]!.GetValue<string>().ShouldBe(WebSocketTestServer.Greeting);
        data["first_message_ms"]!.GetValue<double>().ShouldBeInRange(0, 3000);
        data["reply"]!.GetValue<string>().ShouldBe("and back");
    }

    [Fact]
    public async Task Reports_no_first_message_from_a_silent_server_within_the_wait()
    {
        var result = await new WebSocketConnectProbe().RunAsync(
            Context(server.Url + "/silent", args: new() { ["expect_first_message"] = true, ["wait"] = "300ms" }), Ct);

        var data = result.OkData();
        data["upgraded"]!.GetValue<bool>().ShouldBeTrue();
        data["first_message_received"]!.GetValue<bool>().ShouldBeFalse();
        data["first_message_ms"].ShouldBeNull();
    }

    [Fact]
    public async Task Sees_an_idle_connection_closed_by_the_server_with_its_close_frame()
    {
        var result = await new WebSocketConnectProbe().RunAsync(
            Context(server.Url + "/idle-close?after=300", new() { ["idle"] = 3000 }), Ct);

        var idle = result.OkData()["idle"]!.AsObject();
        idle["dropped"]!.GetValue<bool>().ShouldBeTrue();
        idle["close_frame"]!.GetValue<bool>().ShouldBeTrue();
        idle["close_status"]!.GetValue<int>().ShouldBe(1001);
        idle["close_reason"]!.GetValue<string>().ShouldBe("idle timeout");
        idle["dropped_after_ms"]!.GetValue<double>().ShouldBeInRange(200, 2900);
    }

    [Fact]
    public async Task Holds_an_idle_connection_that_nothing_drops_for_the_whole_window()
    {
        var result = await new WebSocketConnectProbe().RunAsync(Context(server.Url + "/echo", args: new() { ["idle"] = "600ms" }), Ct);

        var idle = result.OkData()["idle"]!.AsObject();
        idle["dropped"]!.GetValue<bool>().ShouldBeFalse();
        idle["cut_short"]!.GetValue<bool>().ShouldBeFalse();
        idle["held_ms"]!.GetValue<double>().ShouldBeGreaterThanOrEqualTo(550);
    }

    [Fact]
    public async Task Cuts_the_idle_hold_short_to_end_within_its_timeout()
    {
        var result = await new WebSocketConnectProbe().RunAsync(
            Context(server.Url + "/echo", new() { ["idle"] = 60_000 }, timeout: TimeSpan.FromSeconds(1.5)), Ct);

        var idle = result.OkData()["idle"]!.AsObject();
        idle["dropped"]!.GetValue<bool>().ShouldBeFalse();
        idle["cut_short"]!.GetValue<bool>().ShouldBeTrue();
        idle["window_ms"]!.GetValue<double>().ShouldBe(60_000);
    }

    [Fact]
    public async Task Reports_a_close_right_after_the_upgrade()
    {
        var result = await new WebSocketConnectProbe().RunAsync(Context(server.Url + "/kick"), Ct);

        var closed = result.OkData()["closed"]!.AsObject();
        closed["close_status"]!.GetValue<int>().ShouldBe(1008);
        closed["close_reason"]!.GetValue<string>().ShouldBe("token expired");
    }

    [Theory]
    [InlineData("/page", 200)]
    [InlineData("/upgrade-required", 426)]
    [InlineData("/nowhere", 404)]
    public async Task A_server_that_does_not_switch_protocols_is_upgrade_rejected_with_its_status(string path, int status)
    {
        var result = await new WebSocketConnectProbe().RunAsync(Context(server.Url + path), Ct);

        result.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.UpgradeRejected);
        result.Error.Message.ShouldContain($"HTTP {status}");
        result.Data!["status_code"]!.GetValue<int>().ShouldBe(status);
        result.Data!["upgraded"]!.GetValue<bool>().ShouldBeFalse();
        result.Data!["upgrade_header_echoed"]!.GetValue<bool>().ShouldBe(status == 426);
        if (status == 200)
        {
            result.Data!["body"]!.GetValue<string>().ShouldContain("single-page app");
        }
    }

    [Fact]
    public async Task Requests_a_subprotocol_and_reports_what_the_server_chose()
    {
        var chosen = await new WebSocketConnectProbe().RunAsync(Context(server.Url + "/proto", new() { ["subprotocol"] = "telemetry.v1" }), Ct);
        var ignored = await new WebSocketConnectProbe().RunAsync(Context(server.Url + "/echo", new() { ["subprotocol"] = "telemetry.v1" }), Ct);

        chosen.OkData()["subprotocol"]!.GetValue<string>().ShouldBe("telemetry.v1");
        ignored.OkData()["subprotocol_requested"]!.GetValue<string>().ShouldBe("telemetry.v1");
        ignored.OkData()["subprotocol"].ShouldBeNull();
    }

    [Fact]
    public async Task Speaks_wss_to_a_self_signed_server_only_when_told_to_accept_it()
    {
        var insecure = await new WebSocketConnectProbe().RunAsync(
            Context(server.SecureUrl + "/echo", new() { ["tls_insecure"] = true, ["send"] = "over tls" }), Ct);
        var strict = await new WebSocketConnectProbe().RunAsync(Context(server.SecureUrl + "/echo"), Ct);
        var plainOnTlsPort = await new WebSocketConnectProbe().RunAsync(Context($"ws://127.0.0.1:{server.SecurePort}/echo", timeout: TimeSpan.FromSeconds(3)), Ct);

        insecure.OkData()["reply"]!.GetValue<string>().ShouldBe("over tls");
        insecure.OkData()["tls_protocol"]!.GetValue<string>().ShouldStartWith("TLSv1.");
        strict.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.Tls);
        plainOnTlsPort.Error.ShouldNotBeNull().Kind.ShouldBeOneOf(ErrorKinds.ConnectionReset, ErrorKinds.Protocol);
    }

    [Fact]
    public async Task A_bad_url_or_argument_is_an_invalid_argument()
    {
        var badUrl = await new WebSocketConnectProbe().RunAsync(Context("ftp://127.0.0.1/x"), Ct);
        var badIdle = await new WebSocketConnectProbe().RunAsync(Context(server.Url, args: new() { ["idle"] = "soon" }), Ct);

        badUrl.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.InvalidArgument);
        badIdle.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.InvalidArgument);
    }
}
