using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Probes.Nginx;
using Shouldly;
using Xunit;
using static Medic.Probes.Tests.NetSupport.NetProbeContexts;

namespace Medic.Probes.Tests.Nginx;

/// <summary>One real nginx serving stub_status for every test of the class.</summary>
public sealed class StubStatusNginx : IAsyncLifetime
{
    internal NginxProcess Nginx { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Nginx = await NginxProcess.StartAsync(
        port => $"server {{ listen 127.0.0.1:{port}; location = /nginx_status {{ stub_status; }} location / {{ return 200 'hello'; }} location /gone/ {{ return 404; }} }}",
        TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await Nginx.DisposeAsync();
}

public sealed class NginxStatusProbeTests(StubStatusNginx server) : IClassFixture<StubStatusNginx>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Core.Probing.ProbeResult> RunAsync(JsonObject settings, JsonObject? args = null) =>
        new NginxStatusProbe().RunAsync(Context(Component("nginx", settings), args), Ct);

    private JsonObject Settings(string? status) => new()
    {
        ["config"] = server.Nginx.ConfigPath,
        ["url"] = $"http://127.0.0.1:{server.Nginx.Port}",
        ["status"] = status,
    };

    [Fact]
    public async Task Reads_the_counters_of_a_real_stub_status_page()
    {
        var data = (await RunAsync(Settings("/nginx_status"))).Data!.AsObject();

        ((int)data["status_code"]!).ShouldBe(200);
        ((long)data["active_connections"]!).ShouldBeGreaterThanOrEqualTo(1);
        ((long)data["requests"]!).ShouldBeGreaterThanOrEqualTo(1);
        ((long)data["accepts"]!).ShouldBeGreaterThanOrEqualTo((long)data["handled"]!);
        ((long)data["writing"]!).ShouldBeGreaterThanOrEqualTo(1);
        ((long)data["dropped"]!).ShouldBe(0);
    }

    [Fact]
    public async Task Takes_an_absolute_status_url_without_a_base_url()
    {
        var settings = new JsonObject { ["config"] = server.Nginx.ConfigPath, ["status"] = $"http://127.0.0.1:{server.Nginx.Port}/nginx_status" };

        var result = await RunAsync(settings);

        result.Error.ShouldBeNull();
        ((string?)result.Data!["url"]).ShouldBe($"http://127.0.0.1:{server.Nginx.Port}/nginx_status");
    }

    [Fact]
    public async Task A_path_argument_overrides_the_component_status()
    {
        var result = await RunAsync(Settings("/nope"), new JsonObject { ["path"] = "/nginx_status" });

        result.Error.ShouldBeNull();
    }

    [Fact]
    public async Task A_page_that_is_not_stub_status_is_a_protocol_error()
    {
        var result = await RunAsync(Settings("/missing"), new JsonObject { ["path"] = "/missing" });

        result.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.Protocol);
        ((int)result.Data!["status_code"]!).ShouldBe(200);
    }

    [Fact]
    public async Task A_404_is_not_found()
    {
        var result = await RunAsync(Settings("/gone/status"));

        result.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.NotFound);
        ((int)result.Data!["status_code"]!).ShouldBe(404);
    }

    [Fact]
    public async Task Without_a_status_setting_it_says_what_is_missing()
    {
        var settings = Settings(null);
        settings.Remove("status");

        var result = await RunAsync(settings);

        result.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.InvalidArgument);
        result.Error.Message.ShouldContain("'status'");
    }
}
