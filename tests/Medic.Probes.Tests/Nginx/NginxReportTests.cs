using System.Text.Json.Nodes;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Nginx;

/// <summary>Effective settings per location after nginx's inheritance, as <c>nginx.config</c> reports them.</summary>
public sealed class NginxReportTests
{
    private static JsonObject Location(JsonObject report, string path) =>
        report["locations"]!.AsArray().Select(l => l!.AsObject()).Single(l => (string?)l["path"] == path);

    [Fact]
    public void A_location_without_settings_gets_nginx_defaults_and_no_set_at()
    {
        var l = Location(NginxFiles.ReportOf("server { listen 8080; location / { proxy_pass http://127.0.0.1:9; } }"), "/");

        ((long)l["proxy_read_timeout_ms"]!).ShouldBe(60_000);
        ((long)l["proxy_send_timeout_ms"]!).ShouldBe(60_000);
        ((long)l["proxy_connect_timeout_ms"]!).ShouldBe(60_000);
        ((long)l["client_max_body_size_bytes"]!).ShouldBe(1_048_576);
        ((string?)l["proxy_http_version"]).ShouldBe("1.0");
        ((bool)l["proxy_buffering"]!).ShouldBeTrue();
        l["set_at"]!.AsObject().Count.ShouldBe(0);
        ((bool)l["upgrade_headers"]!["ok"]!).ShouldBeFalse();
    }

    [Fact]
    public void Settings_inherit_from_http_to_server_to_location_and_the_innermost_wins()
    {
        var report = NginxFiles.ReportOf("""
            proxy_read_timeout 10s;
            client_max_body_size 20m;
            server {
                listen 8080;
                proxy_read_timeout 1h;
                location /api/ {
                    client_max_body_size 500m;
                    location /api/stream { proxy_buffering off; proxy_pass http://127.0.0.1:9; }
                }
            }
            server { listen 8081; location / { } }
            """);

        var api = Location(report, "/api/");
        ((long)api["proxy_read_timeout_ms"]!).ShouldBe(3_600_000);
        ((long)api["client_max_body_size_bytes"]!).ShouldBe(500L * 1024 * 1024);
        ((string?)api["set_at"]!["proxy_read_timeout"])!.ShouldEndWith("nginx.conf:7");
        ((string?)api["set_at"]!["client_max_body_size"])!.ShouldEndWith("nginx.conf:9");

        var stream = Location(report, "/api/stream");
        ((string?)stream["parent"]).ShouldBe("/api/");
        ((long)stream["client_max_body_size_bytes"]!).ShouldBe(500L * 1024 * 1024);
        ((bool)stream["proxy_buffering"]!).ShouldBeFalse();

        var other = report["servers"]![1]!["locations"]![0]!;
        ((long)other["proxy_read_timeout_ms"]!).ShouldBe(10_000);
        ((long)other["client_max_body_size_bytes"]!).ShouldBe(20L * 1024 * 1024);
        ((string?)other["set_at"]!["client_max_body_size"])!.ShouldEndWith("nginx.conf:4");
    }

    [Fact]
    public void Upgrade_headers_with_http_1_1_through_a_map_are_ok()
    {
        var l = Location(NginxFiles.ReportOf("""
            map $http_upgrade $connection_upgrade { default upgrade; '' close; }
            server {
                listen 8080;
                location /ws/ {
                    proxy_pass http://127.0.0.1:9;
                    proxy_http_version 1.1;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection $connection_upgrade;
                    proxy_read_timeout 86400s;
                }
            }
            """), "/ws/");

        ((string?)l["upgrade_headers"]!["upgrade"]).ShouldBe("$http_upgrade");
        ((string?)l["upgrade_headers"]!["connection"]).ShouldBe("$connection_upgrade");
        ((bool)l["upgrade_headers"]!["ok"]!).ShouldBeTrue();
        ((string?)l["proxy_http_version"]).ShouldBe("1.1");
        ((bool)l["websocket_like"]!).ShouldBeTrue();
        ((string?)l["websocket_hint"]).ShouldBe("path");
        ((long)l["proxy_read_timeout_ms"]!).ShouldBe(86_400_000);
    }

    [Fact]
    public void A_literal_connection_upgrade_header_is_ok_and_marks_the_location_as_websocket()
    {
        var l = Location(NginxFiles.ReportOf("""
            server { listen 8080; location /live { proxy_pass http://127.0.0.1:9; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection "Upgrade"; } }
            """), "/live");

        ((bool)l["upgrade_headers"]!["ok"]!).ShouldBeTrue();
        ((string?)l["websocket_hint"]).ShouldBe("upgrade_header");
    }

    [Fact]
    public void A_connection_header_that_does_not_say_upgrade_is_not_ok()
    {
        var l = Location(NginxFiles.ReportOf("""
            map $http_upgrade $conn { default keep-alive; }
            server { listen 8080; location /ws { proxy_pass http://127.0.0.1:9; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection $conn; } }
            """), "/ws");

        ((bool)l["upgrade_headers"]!["ok"]!).ShouldBeFalse();
    }

    [Fact]
    public void One_header_set_in_a_location_drops_the_upgrade_headers_of_the_server()
    {
        var l = Location(NginxFiles.ReportOf("""
            server {
                listen 8080;
                proxy_set_header Upgrade $http_upgrade;
                proxy_set_header Connection "upgrade";
                location /socket.io/ {
                    proxy_set_header X-Real-IP $remote_addr;
                    proxy_pass http://127.0.0.1:9;
                }
            }
            """), "/socket.io/");

        l["upgrade_headers"]!["upgrade"].ShouldBeNull();
        ((bool)l["upgrade_headers"]!["ok"]!).ShouldBeFalse();
        ((string?)l["upgrade_headers"]!["not_inherited_from"])!.ShouldEndWith("nginx.conf:5");
        ((bool)l["websocket_like"]!).ShouldBeTrue();
    }

    [Theory]
    [InlineData("location /ws", true)]
    [InlineData("location ~ ^/socket\\.io/", true)]
    [InlineData("location = /cable", true)]
    [InlineData("location /api/v1/websocket/", true)]
    [InlineData("location /news", false)]
    [InlineData("location /api/", false)]
    public void Websocket_paths_are_recognised(string location, bool expected)
    {
        var report = NginxFiles.ReportOf($"server {{ listen 8080; {location} {{ proxy_pass http://127.0.0.1:9; }} }}");

        ((bool)report["locations"]![0]!["websocket_like"]!).ShouldBe(expected);
    }

    [Fact]
    public void Location_modifiers_are_split_from_paths_even_when_glued()
    {
        var report = NginxFiles.ReportOf("server { listen 8080; location = /a { } location ~* \\.php$ { } location ^~/static/ { } location @fallback { } }");

        report["locations"]!.AsArray().Select(l => ((string?)l!["modifier"], (string?)l["path"]))
            .ShouldBe([("=", "/a"), ("~*", "\\.php$"), ("^~", "/static/"), (null, "@fallback")]);
    }

    [Fact]
    public void Upstreams_list_their_servers_with_options_and_proxy_pass_names_its_upstream()
    {
        var report = NginxFiles.ReportOf("""
            upstream backend {
                server 127.0.0.1:3001 weight=3 max_fails=2 fail_timeout=30s;
                server 127.0.0.1:3002 backup;
                server 127.0.0.1:3003 down;
            }
            server { listen 8080; location / { proxy_pass http://backend/api; } }
            """);

        var upstream = report["upstreams"]![0]!;
        ((string?)upstream["name"]).ShouldBe("backend");
        ((int)upstream["line"]!).ShouldBe(3);
        var servers = upstream["servers"]!.AsArray();
        ((string?)servers[0]!["address"]).ShouldBe("127.0.0.1:3001");
        ((long)servers[0]!["weight"]!).ShouldBe(3);
        ((long)servers[0]!["max_fails"]!).ShouldBe(2);
        ((long)servers[0]!["fail_timeout_ms"]!).ShouldBe(30_000);
        ((bool)servers[1]!["backup"]!).ShouldBeTrue();
        ((bool)servers[2]!["down"]!).ShouldBeTrue();
        ((long)servers[2]!["weight"]!).ShouldBe(1);
        ((string?)report["locations"]![0]!["upstream"]).ShouldBe("backend");
    }

    [Fact]
    public void Servers_report_listen_names_and_a_label_for_their_locations()
    {
        var report = NginxFiles.ReportOf("server { listen 127.0.0.1:8080 default_server; listen [::1]:8080; server_name app.example.com www.example.com; location / { } }");

        var server = report["servers"]![0]!;
        server["listen"]!.AsArray().Select(x => (string?)x).ShouldBe(["127.0.0.1:8080 default_server", "[::1]:8080"]);
        server["server_name"]!.AsArray().Select(x => (string?)x).ShouldBe(["app.example.com", "www.example.com"]);
        ((string?)report["locations"]![0]!["server"]).ShouldBe("app.example.com");
    }

    [Fact]
    public void Worker_limits_and_error_logs_are_reported()
    {
        using var files = new NginxFiles().With("nginx.conf",
            "worker_processes auto;\nerror_log logs/error.log warn;\nevents { worker_connections 1024; }\nhttp { error_log logs/http.log; }\n");

        var report = files.Report();

        ((string?)report["worker_processes"]).ShouldBe("auto");
        ((int)report["worker_connections"]!).ShouldBe(1024);
        report["error_logs"]!.AsArray().Select(e => ((string?)e!["path"], (string?)e["level"])).ShouldBe([("logs/error.log", "warn"), ("logs/http.log", "error")]);
    }

    [Fact]
    public void A_configuration_with_a_syntax_error_reports_no_servers()
    {
        using var files = new NginxFiles().With("nginx.conf", "events {}\nhttp { server { listen 80; location / { } }\n");

        var report = files.Report();

        ((bool)report["syntax_ok"]!).ShouldBeFalse();
        ((int)report["syntax_error"]!["line"]!).ShouldBe(3);
        report["servers"]!.AsArray().ShouldBeEmpty();
        report["locations"]!.AsArray().ShouldBeEmpty();
    }
}
