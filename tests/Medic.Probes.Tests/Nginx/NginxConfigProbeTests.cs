using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Probes.Nginx;
using Shouldly;
using Xunit;
using static Medic.Probes.Tests.NetSupport.NetProbeContexts;

namespace Medic.Probes.Tests.Nginx;

public sealed class NginxConfigProbeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_relative_config_path_resolves_against_the_system_file_folder()
    {
        using var files = new NginxFiles().With("nginx.conf", "events {}\nhttp { server { listen 8080; location /ws { proxy_pass http://127.0.0.1:9; } } }\n");

        var result = await new NginxConfigProbe().RunAsync(Context(Component("nginx", new JsonObject { ["config"] = "nginx.conf" }, files.Folder)), Ct);

        result.Error.ShouldBeNull();
        ((string?)result.Data!["config"]).ShouldBe(files.Main);
        ((bool)result.Data["syntax_ok"]!).ShouldBeTrue();
        result.Data["locations"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_missing_file_is_not_found()
    {
        using var files = new NginxFiles();

        var result = await new NginxConfigProbe().RunAsync(Context(Component("nginx", new JsonObject { ["config"] = files.Main })), Ct);

        result.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.NotFound);
        ((string?)result.Data!["config"]).ShouldBe(files.Main);
    }

    [Fact]
    public async Task A_folder_is_not_a_configuration_file()
    {
        using var files = new NginxFiles();

        var result = await new NginxConfigProbe().RunAsync(Context(Component("nginx", new JsonObject { ["config"] = files.Folder })), Ct);

        result.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.InvalidArgument);
    }

    [Fact]
    public async Task A_syntax_error_is_data_not_a_failure()
    {
        using var files = new NginxFiles().With("nginx.conf", "events {}\nhttp {\n");

        var result = await new NginxConfigProbe().RunAsync(Context(Component("nginx", new JsonObject { ["config"] = files.Main })), Ct);

        result.Error.ShouldBeNull();
        ((string?)result.Data!["syntax_error"]!["message"]).ShouldBe("unexpected end of file, expecting \"}\"");
    }

    [Fact]
    public async Task Honours_an_already_cancelled_token()
    {
        using var files = new NginxFiles().With("nginx.conf", "events {}\n");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() =>
            new NginxConfigProbe().RunAsync(Context(Component("nginx", new JsonObject { ["config"] = files.Main })), cancelled.Token));
    }

    [Fact]
    public void The_nginx_probes_are_registered_for_the_nginx_kind()
    {
        var registry = BuiltInProbes.Registry();

        foreach (var name in new[] { "nginx.config", "nginx.status", "nginx.upstreams" })
        {
            registry.Find(name).ShouldNotBeNull().Kinds.ShouldBe(["nginx"]);
        }
    }
}
