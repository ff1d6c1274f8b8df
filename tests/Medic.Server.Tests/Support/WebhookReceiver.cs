using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Medic.Server.Tests.Support;

/// <summary>
/// A real HTTP receiver on Kestrel, on a free loopback port: records every POST body to <c>/hook</c>. It answers with the
/// queued status codes first (then 200), and can hold each answer for <see cref="Delay"/>.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _statuses = new();

    private WebhookReceiver(WebApplication app, int port)
    {
        _app = app;
        Url = new Uri($"http://127.0.0.1:{port}/hook");
    }

    public Uri Url { get; }

    public ConcurrentQueue<string> Bodies { get; } = new();

    public int Attempts => _attempts;

    public TimeSpan Delay { get; set; }

    private int _attempts;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, port);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref receiver._attempts);
            if (receiver.Delay > TimeSpan.Zero)
            {
                await Task.Delay(receiver.Delay);
            }

            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var status = receiver._statuses.TryDequeue(out var s) ? s : 200;
            if (status == 200)
            {
                receiver.Bodies.Enqueue(body);
            }

            return Results.StatusCode(status);
        });
        app.MapPost("/moved", () => Results.Redirect("http://127.0.0.1:1/elsewhere"));
        await app.StartAsync();
        return receiver;
    }

    public void FailNext(params int[] statuses)
    {
        foreach (var s in statuses)
        {
            _statuses.Enqueue(s);
        }
    }

    /// <summary>Waits (polling, bounded) until <paramref name="count"/> bodies arrived; returns them.</summary>
    public async Task<IReadOnlyList<string>> WaitForAsync(int count, TimeSpan? limit = null)
    {
        var until = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(20));
        while (Bodies.Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        return [.. Bodies];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
