using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Shouldly;
using Xunit;

namespace Medic.Cli.Tests;

/// <summary><c>medic serve test-webhook</c> against a real receiver on Kestrel.</summary>
public sealed class TestWebhookTests
{
    [Fact]
    public async Task Delivers_a_slack_test_alert_and_exits_0()
    {
        var bodies = new ConcurrentQueue<string>();
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapPost("/services/T1/B2/secret", async (HttpRequest r) =>
        {
            using var reader = new StreamReader(r.Body);
            bodies.Enqueue(await reader.ReadToEndAsync());
            return Results.Ok();
        });
        await app.StartAsync(TestContext.Current.CancellationToken);

        var run = await CliRun.RunAsync("serve", "test-webhook", $"http://127.0.0.1:{port}/services/T1/B2/secret,slack");

        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stdout.ShouldBe($"delivered a test alert (slack) to http://127.0.0.1:{port}/…\n");
        run.Stdout.ShouldNotContain("secret");
        bodies.ShouldHaveSingleItem().ShouldStartWith("{\"text\":\"*:information_source: test*");
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Exits_1_when_nothing_listens()
    {
        var run = await CliRun.RunAsync("serve", "test-webhook", $"http://127.0.0.1:{FreePort()}/hook");

        run.ExitCode.ShouldBe(1);
        run.Stdout.ShouldContain("not delivered to");
        run.Stdout.ShouldContain("Connection refused");
    }

    [Fact]
    public async Task Exits_2_on_a_bad_url()
    {
        var run = await CliRun.RunAsync("serve", "test-webhook", "ftp://127.0.0.1/hook");

        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("test-webhook: 'ftp://127.0.0.1/hook' is not an http:// or https:// URL");
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
