using Medic.Probes.Tests.NetSupport;
using Medic.Probes.Tests.Servers;
using Medic.Probes.Tests.WebSocket;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Scenarios;

/// <summary>The websocket runbooks on a real nginx in front of a real Kestrel WebSocket server.</summary>
public sealed class WebSocketScenarioTests(WebSocketTestServer backend) : IClassFixture<WebSocketTestServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Backend => $"127.0.0.1:{backend.Port}";

    private static string System(string url, string extra = "") =>
        $"system: s\ncomponents:\n  ws: {{ kind: websocket, url: '{url}'{extra} }}\n";

    [Fact]
    public async Task A_proxy_that_does_not_forward_upgrade_is_named_while_the_backend_itself_upgrades()
    {
        await using var nginx = await NginxServer.StartAsync($$$"""
            server {
                listen 127.0.0.1:{{port}};
                location / { proxy_pass http://{{{Backend}}}; }
            }
            """);

        var proxied = await Scenario.DiagnoseAsync(System($"ws://127.0.0.1:{nginx.Port}/echo"), Ct);
        var direct = await Scenario.DiagnoseAsync(System($"{backend.Url}/echo"), Ct);

        proxied.Causes().ShouldBe(["websocket.upgrade-failed/proxy-strips-upgrade"]);
        var finding = proxied.Findings[0];
        finding.Explanation.ShouldContain("HTTP 400");
        finding.Explanation.ShouldContain("server: nginx");
        finding.Fix.ShouldContain("proxy_set_header Upgrade $http_upgrade");
        direct.Findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_short_proxy_read_timeout_drops_an_idle_connection_without_a_close_frame()
    {
        await using var nginx = await NginxServer.StartAsync($$$"""
            server {
                listen 127.0.0.1:{{port}};
                location / {
                    proxy_pass http://{{{Backend}}};
                    proxy_http_version 1.1;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection "upgrade";
                    proxy_read_timeout 1s;
                }
            }
            """);

        var report = await Scenario.DiagnoseAsync(System($"ws://127.0.0.1:{nginx.Port}/silent", ", idle: 4s, timeout: 8s"), Ct);

        report.Causes().ShouldBe(["websocket.disconnects/idle-timeout"]);
        var idle = report.Observations.Single(o => o.Probe == "websocket.connect").Data!["idle"]!;
        idle["dropped_after_ms"]!.GetValue<double>().ShouldBeInRange(500, 3900);
        idle["close_frame"]!.GetValue<bool>().ShouldBeFalse();
        nginx.ErrorLog().ShouldContain("upstream timed out (110: Connection timed out) while proxying upgraded connection");
    }

    [Fact]
    public async Task A_proxy_that_forwards_upgrade_yields_no_finding_and_its_dead_backend_is_upstream_down()
    {
        var closed = LoopbackPorts.Closed();
        await using var nginx = await NginxServer.StartAsync($$$"""
            server {
                listen 127.0.0.1:{{port}};
                location /dead/ { proxy_pass http://127.0.0.1:{{{closed}}}/; }
                location / {
                    proxy_pass http://{{{Backend}}};
                    proxy_http_version 1.1;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection "upgrade";
                }
            }
            """);

        var healthy = await Scenario.DiagnoseAsync(System($"ws://127.0.0.1:{nginx.Port}/hello", ", expect_first_message: true, send: ping, idle: 500ms"), Ct);
        var dead = await Scenario.DiagnoseAsync(System($"ws://127.0.0.1:{nginx.Port}/dead/echo"), Ct);

        healthy.Findings.ShouldBeEmpty();
        healthy.Observations.Single().Data!["first_message"]!.GetValue<string>().ShouldBe(WebSocketTestServer.Greeting);
        dead.Causes().ShouldBe(["websocket.upgrade-failed/upstream-down"]);
        dead.Findings[0].Explanation.ShouldContain("HTTP 502");
    }

    [Fact]
    public async Task A_rejected_token_and_a_closed_port_are_told_apart()
    {
        var rejected = await Scenario.DiagnoseAsync(System($"{backend.Url}/private", ", token: wrong-token-123"), Ct);
        var refused = await Scenario.DiagnoseAsync(System($"ws://127.0.0.1:{LoopbackPorts.Closed()}/echo"), Ct);

        rejected.Causes().ShouldBe(["websocket.upgrade-failed/auth-rejected"]);
        rejected.Findings[0].Explanation.ShouldContain("HTTP 401");
        rejected.Findings[0].Explanation.ShouldContain("Token sent in: header");
        refused.Causes().ShouldBe(["websocket.upgrade-failed/unreachable"]);
    }
}
