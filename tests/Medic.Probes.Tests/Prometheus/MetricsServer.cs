using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Medic.Probes.Tests.Prometheus;

/// <summary>A real Kestrel server on a free loopback port serving metrics pages, good and bad.</summary>
public sealed class MetricsServer : IAsyncLifetime
{
    public const string Malformed = """
        # HELP up Whether the target is up.
        # TYPE up gauge
        up 1
        broken_metric{label="unterminated} 3
        requests_total 17
        """;

    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        const string textFormat = "text/plain; version=0.0.4; charset=utf-8";
        _app.MapGet("/metrics", () => Results.Text(Expositions.GoClient, textFormat));
        _app.MapGet("/node", () => Results.Text(Expositions.NodeExporter, textFormat));
        _app.MapGet("/malformed", () => Results.Text(Malformed, textFormat));
        _app.MapGet("/forbidden", () => Results.StatusCode(403));
        _app.MapGet("/slow", async (HttpContext http) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), http.RequestAborted);
            return Results.Text("late 1\n", textFormat);
        });
        await _app.StartAsync();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
