using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Medic.Server.Bench;

/// <summary>One in-process Kestrel service on several loopback ports: <c>/health</c> answers 200 for every simulated HTTP component.</summary>
internal sealed class SimulatedComponents : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SimulatedComponents(WebApplication app, IReadOnlyList<int> ports)
    {
        _app = app;
        Ports = ports;
    }

    public IReadOnlyList<int> Ports { get; }

    public long Requests => Interlocked.Read(ref _requests);

    private static long _requests;

    public static async Task<SimulatedComponents> StartAsync(int portCount)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxConcurrentConnections = null;
        });
        
        var ports = FreePorts(portCount);
        builder.WebHost.UseUrls([.. ports.Select(p => $"http://127.0.0.1:{p}")]);
        var app = builder.Build();
        app.MapGet("/health", () =>
        {
            Interlocked.Increment(ref _requests);
            return "{\"status\":\"Healthy\"}";
        });
        await app.StartAsync();
        return new SimulatedComponents(app, ports);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Distinct free ports: every probe listener stays open until all are chosen.</summary>
    private static List<int> FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
        listeners.ForEach(l => l.Stop());
        return ports;
    }
}
