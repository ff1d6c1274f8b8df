using Medic.Core.Model;
using Medic.Probes.Tests.Nginx;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Scenarios;

/// <summary>The generic nginx runbooks on configurations the real nginx accepts, with that nginx running.</summary>
public sealed class NginxScenarioTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string System(NginxProcess nginx, string extra = "") =>
        $"system: s\ncomponents:\n  proxy: {{ kind: nginx, config: '{nginx.ConfigPath}', url: 'http://127.0.0.1:{nginx.Port}', status: /nginx_status{extra} }}\n";

    // Locations proxy to nginx itself, so every backend the configuration names is alive.
    private static string Status => "location = /nginx_status { stub_status; } location /backend/ { return 200 'backend'; }";

    [Fact]
    public async Task A_ws_location_without_upgrade_headers_is_named_through_the_engine()
    {
        await using var nginx = await NginxProcess.StartAsync(port => $$"""
            server {
                listen 127.0.0.1:{{port}};
                {{Status}}
                location /ws/ {
                    proxy_pass http://127.0.0.1:{{port}}/backend/;
                    proxy_http_version 1.1;
                    proxy_read_timeout 86400s;
                }
            }
            """, Ct);
        (await NginxProcess.TestAsync(nginx.Folder, nginx.ConfigPath, Ct)).Ok.ShouldBeTrue();

        var report = await Scenario.DiagnoseAsync(System(nginx), Ct);

        report.Causes().ShouldBe(["nginx.websocket-misconfigured/upgrade-headers-missing"]);
        var finding = report.Findings.Single();
        finding.Severity.ShouldBe(Severity.Error);
        var line = File.ReadAllLines(nginx.ConfigPath).ToList().FindIndex(l => l.Contains("location /ws/", StringComparison.Ordinal)) + 1;
        finding.Explanation.ShouldContain($"location /ws/ ({nginx.ConfigPath}:{line}) sends Upgrade: not set, Connection: not set");
        report.Observations.Where(o => o.Probe == "nginx.status").ShouldAllBe(o => o.Status == ObservationStatus.Ok);
    }

    [Fact]
    public async Task A_well_configured_websocket_proxy_yields_no_finding()
    {
        await using var nginx = await NginxProcess.StartAsync(port => $$"""
            map $http_upgrade $connection_upgrade { default upgrade; '' close; }
            server {
                listen 127.0.0.1:{{port}};
                client_max_body_size 500m;
                {{Status}}
                location /ws/ {
                    proxy_pass http://127.0.0.1:{{port}}/backend/;
                    proxy_http_version 1.1;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection $connection_upgrade;
                    proxy_read_timeout 86400s;
                }
                location /api/ { proxy_pass http://127.0.0.1:{{port}}/backend/; }
            }
            """, Ct);

        var report = await Scenario.DiagnoseAsync(System(nginx, ", max_body_size: 500MB"), Ct);

        report.Findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_default_body_limit_below_the_required_size_is_named_with_its_origin()
    {
        await using var nginx = await NginxProcess.StartAsync(port => $$"""
            server {
                listen 127.0.0.1:{{port}};
                {{Status}}
                location /api/ { proxy_pass http://127.0.0.1:{{port}}/backend/; }
            }
            """, Ct);

        var report = await Scenario.DiagnoseAsync(System(nginx, ", max_body_size: 500MB"), Ct);

        report.Causes().ShouldBe(["nginx.body-too-large/limit-below-required"]);
        report.Findings.Single().Explanation.ShouldContain("accepts at most 1 MB (client_max_body_size from nginx's default of 1m)");
    }

    [Fact]
    public async Task A_broken_edit_to_a_running_nginx_is_named_at_the_line_nginx_names()
    {
        await using var nginx = await NginxProcess.StartAsync(port => $"server {{ listen 127.0.0.1:{port}; {Status} }}", Ct);
        var text = await File.ReadAllTextAsync(nginx.ConfigPath, Ct);
        await File.WriteAllTextAsync(nginx.ConfigPath, text.Replace("stub_status;", "stub_status;\n  proxy_read_timeout 60 s;", StringComparison.Ordinal), Ct);
        var (ok, output) = await NginxProcess.TestAsync(nginx.Folder, nginx.ConfigPath, Ct);

        var report = await Scenario.DiagnoseAsync(System(nginx), Ct);

        ok.ShouldBeFalse();
        report.Causes().ShouldBe(["nginx.config-invalid/syntax-error"]);
        var line = text[..text.IndexOf("stub_status;", StringComparison.Ordinal)].Count(c => c == '\n') + 2;
        output.ShouldContain($"in {nginx.ConfigPath}:{line}");
        report.Findings.Single().Title.ShouldBe($"nginx configuration error at {nginx.ConfigPath}:{line}");
    }

    [Fact]
    public async Task A_dead_backend_behind_nginx_gives_502_and_is_named_through_the_engine()
    {
        var dead = NetSupport.LoopbackPorts.Closed();
        await using var nginx = await NginxProcess.StartAsync(port => $$"""
            upstream app { server 127.0.0.1:{{dead}}; }
            server {
                listen 127.0.0.1:{{port}};
                {{Status}}
                location /api/ { proxy_pass http://app; }
            }
            """, Ct);
        using var http = new HttpClient();
        using var response = await http.GetAsync($"http://127.0.0.1:{nginx.Port}/api/health", Ct);

        var report = await Scenario.DiagnoseAsync(System(nginx), Ct);

        ((int)response.StatusCode).ShouldBe(502);
        report.Causes().ShouldBe(["nginx.upstream-unreachable/all-servers-down"]);
        report.Findings.Single().Explanation.ShouldContain($"app (used by /api/): 127.0.0.1:{dead} connection_refused");
    }
}
