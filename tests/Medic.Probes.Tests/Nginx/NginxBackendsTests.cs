using Medic.Probes.Nginx;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Nginx;

public sealed class NginxBackendsTests
{
    private static IReadOnlyList<NginxBackend> BackendsOf(string http)
    {
        using var files = new NginxFiles().With("nginx.conf", $"events {{}}\nhttp {{\n{http}\n}}\n");
        return NginxBackends.Of(files.Read());
    }

    [Fact]
    public void An_upstream_used_by_locations_lists_its_servers_and_the_locations()
    {
        var backends = BackendsOf("""
            upstream app { server 127.0.0.1:3001; server 127.0.0.1:3002 backup; server 127.0.0.1:3003 down; server [::1]:3004; server localhost; }
            upstream unused { server 127.0.0.1:9999; }
            server { listen 8080; location /api/ { proxy_pass http://app/api/; } location /ws { proxy_pass http://APP; } }
            """);

        var app = backends.ShouldHaveSingleItem();
        (app.Name, app.Upstream).ShouldBe(("app", "app"));
        app.Locations.ShouldBe(["/api/", "/ws"]);
        app.Servers.Select(s => (s.Address, s.Host, s.Port, s.Backup, s.Down)).ShouldBe([
            ("127.0.0.1:3001", "127.0.0.1", 3001, false, false),
            ("127.0.0.1:3002", "127.0.0.1", 3002, true, false),
            ("127.0.0.1:3003", "127.0.0.1", 3003, false, true),
            ("[::1]:3004", "::1", 3004, false, false),
            ("localhost:80", "localhost", 80, false, false),
        ]);
    }

    [Fact]
    public void Direct_proxy_pass_addresses_are_backends_of_their_own_with_scheme_default_ports()
    {
        var backends = BackendsOf("""
            server {
                listen 8080;
                location /a { proxy_pass http://127.0.0.1:3001/a; }
                location /b { proxy_pass http://127.0.0.1:3001; }
                location /c { proxy_pass https://127.0.0.1; }
                location /d { proxy_pass http://unix:/run/app.sock:/d/; }
                location /e { proxy_pass http://$backend; }
                location /f { location /f/g { proxy_pass http://127.0.0.1:3002; } }
            }
            """);

        backends.Select(b => (b.Name, string.Join(',', b.Locations))).ShouldBe([
            ("127.0.0.1:3001", "/a,/b"),
            ("127.0.0.1:443", "/c"),
            ("unix:/run/app.sock", "/d"),
            ("127.0.0.1:3002", "/f/g"),
        ]);
        backends[2].Servers.Single().IsUnixSocket.ShouldBeTrue();
        backends[2].Servers.Single().Host.ShouldBe("/run/app.sock");
    }

    [Fact]
    public void A_configuration_with_an_error_has_no_backends()
    {
        BackendsOf("server { location / { proxy_pass http://127.0.0.1:1; }").ShouldBeEmpty();
    }

    [Fact]
    public void Two_upstreams_of_one_name_do_not_break_the_probe()
    {
        var backends = BackendsOf("upstream app { server 127.0.0.1:1; } upstream app { server 127.0.0.1:2; } server { location / { proxy_pass http://app; } }");

        backends.ShouldHaveSingleItem().Servers.Single().Port.ShouldBe(1);
    }
}
