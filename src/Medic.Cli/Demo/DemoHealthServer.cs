using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Medic.Cli.Demo;

/// <summary>An in-process HTTP service on a free loopback port whose <c>/health</c> reports its database unhealthy, as the seed guides show.</summary>
internal sealed class DemoHealthServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DemoHealthServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<DemoHealthServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/health", () => Results.Json(
            new
            {
                status = "unhealthy",
                version = "1.4.2",
                checks = new Dictionary<string, object>
                {
                    ["database"] = new { status = "unhealthy", message = "database is locked", duration = "5002ms" },
                    ["cache"] = new { status = "healthy", duration = "0.4ms" },
                },
            },
            statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/", () => "demo api");
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new DemoHealthServer(app, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
