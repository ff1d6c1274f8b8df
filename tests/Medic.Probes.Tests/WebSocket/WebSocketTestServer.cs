using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using Medic.Probes.Tests.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Medic.Probes.Tests.WebSocket;

/// <summary>
/// A real Kestrel server with UseWebSockets on free loopback ports (plain and TLS with a self-signed certificate):
/// an echo, a server that speaks first, one that closes idle connections, one that needs a token, and the answers a
/// WebSocket client meets when something is wrong (400, 426, a plain 200 page, a close right after accepting).
/// </summary>
public sealed partial class WebSocketTestServer : IAsyncLifetime
{
    public const string Token = "s3cret-ws-token-4711";
    public const string Greeting = "hello from the server";

    private WebApplication? _app;
    private X509Certificate2? _certificate;

    /// <summary>ws://127.0.0.1:port</summary>
    public string Url { get; private set; } = "";

    /// <summary>wss://127.0.0.1:port (self-signed for localhost and 127.0.0.1)</summary>
    public string SecureUrl { get; private set; } = "";

    public int Port => new Uri(Url).Port;

    public int SecurePort => new Uri(SecureUrl).Port;

    /// <summary>Each request's path and query as the server saw it.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public async ValueTask InitializeAsync()
    {
        _certificate = TestCertificates.SelfSigned();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(_certificate));
        });
        _app = builder.Build();
        _app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        _app.Use(async (context, next) =>
        {
            Requests.Enqueue(context.Request.Path + context.Request.QueryString);
            await next(context);
        });
        MapRoutes(_app);
        await _app.StartAsync(TestContext.Current.CancellationToken);
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Url = addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).Replace("http://", "ws://", StringComparison.Ordinal);
        SecureUrl = addresses.First(a => a.StartsWith("https://", StringComparison.Ordinal)).Replace("https://", "wss://", StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _certificate?.Dispose();
    }

    private static void MapRoutes(WebApplication app)
    {
        app.Map("/echo", (RequestDelegate)(context => AcceptAsync(context, null, (ws, ct) => EchoAsync(ws, ct))));
        app.Map("/hello", (RequestDelegate)(context => AcceptAsync(context, null, async (ws, ct) =>
        {
            await ws.SendAsync(System.Text.Encoding.UTF8.GetBytes(Greeting), WebSocketMessageType.Text, true, ct);
            await EchoAsync(ws, ct);
        })));
        app.Map("/silent", (RequestDelegate)(context => AcceptAsync(context, null, (ws, ct) => DrainAsync(ws, ct))));
        app.Map("/idle-close", (RequestDelegate)(context =>
        {
            var after = TimeSpan.FromMilliseconds(int.Parse(context.Request.Query["after"].ToString() is { Length: > 0 } a ? a : "300"));
            return AcceptAsync(context, null, (ws, ct) => CloseWhenIdleAsync(ws, after, ct));
        }));
        app.Map("/private", (RequestDelegate)(context =>
        {
            var presented = context.Request.Headers.Authorization.ToString() == "Bearer " + Token || context.Request.Query["token"] == Token;
            if (!presented)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                return Task.CompletedTask;
            }

            return AcceptAsync(context, null, (ws, ct) => EchoAsync(ws, ct));
        }));
        app.Map("/proto", (RequestDelegate)(context =>
            AcceptAsync(context, context.WebSockets.WebSocketRequestedProtocols.Contains("telemetry.v1") ? "telemetry.v1" : null, EchoAsync)));
        app.Map("/kick", (RequestDelegate)(context => AcceptAsync(context, null, async (ws, ct) =>
        {
            await ws.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, "token expired", ct);
            await DrainAsync(ws, ct);
        })));
        app.Map("/upgrade-required", (RequestDelegate)(context =>
        {
            context.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            context.Response.Headers.Upgrade = "websocket";
            return context.Response.WriteAsync("Upgrade Required");
        }));
        app.Map("/page", (RequestDelegate)(context =>
        {
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync("<!doctype html><title>app</title><p>single-page app");
        }));
    }
}
