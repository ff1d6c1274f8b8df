using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Medic.Probes.Tests.NetSupport;

/// <summary>
/// A real Kestrel server on a free loopback port answering with the health document shapes real services use
/// (see the seed guides), plus errors, a slow endpoint, redirects and a large body. Shared per test class.
/// </summary>
public sealed partial class HealthShapesServer : IAsyncLifetime
{
    private WebApplication? _app;

    public string Url { get; private set; } = "";

    /// <summary>Each request's method and path, to show the probe only reads.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddHealthChecks()
            .AddCheck("database", () => HealthCheckResult.Unhealthy("connection refused"), tags: ["aspnet"])
            .AddCheck("cache", () => HealthCheckResult.Healthy("reachable"), tags: ["aspnet"]);
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            Requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            await next(context);
        });
        MapShapes(_app);
        MapAspNetHealthChecks(_app);
        MapOthers(_app);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        Url = _app.Urls.First();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private static void MapAspNetHealthChecks(WebApplication app)
    {
        // The framework's own writer answers a bare word: "Unhealthy".
        app.MapHealthChecks("/aspnet/text", new HealthCheckOptions { Predicate = r => r.Tags.Contains("aspnet") });

        // The entries shape AspNetCore.HealthChecks.UI.Client writes, from the real HealthReport.
        app.MapHealthChecks("/aspnet/json", new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains("aspnet"),
            ResponseWriter = (context, report) =>
            {
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync(JsonSerializer.Serialize(new
                {
                    status = report.Status.ToString(),
                    totalDuration = report.TotalDuration.ToString(),
                    entries = report.Entries.ToDictionary(e => e.Key, e => new
                    {
                        data = new { },
                        description = e.Value.Description,
                        duration = e.Value.Duration.ToString(),
                        status = e.Value.Status.ToString(),
                        tags = e.Value.Tags,
                    }),
                }));
            },
        });
    }

    private static void MapOthers(WebApplication app)
    {
        app.MapGet("/boom", () => Results.Text("boom: database is locked", statusCode: 500));
        app.MapGet("/slow", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return Results.Text("late");
        });
        app.MapGet("/moved", () => Results.Redirect("/shapes/flag"));
        app.MapGet("/loop", () => Results.Redirect("/loop"));
        app.MapGet("/cookie", (HttpContext context) =>
        {
            context.Response.Headers.SetCookie = "session=s3cr3t-session; HttpOnly";
            return Results.Text("ok");
        });
        app.MapGet("/whoami", (HttpContext context) => Results.Json(new
        {
            token = context.Request.Headers["X-Token"].ToString(),
            tenant = context.Request.Headers["X-Tenant"].ToString(),
            authorization = context.Request.Headers.Authorization.ToString(),
        }));
        app.MapGet("/big", () => Results.Text(new string('x', 2 * 1024 * 1024), "application/json"));
        app.MapGet("/", () => Results.Text("root"));
    }
}
