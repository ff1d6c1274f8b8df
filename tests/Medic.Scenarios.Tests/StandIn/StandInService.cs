using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Medic.Scenarios.Tests.StandIn;

/// <summary>
/// A real Kestrel service on a free loopback port that plays one seed system's HTTP and WebSocket surface as its
/// guide documents it. Each seed system maps its routes (a <see cref="ISeedSurface"/>); the test flips the surface
/// into the guide's failure states through <see cref="Faults"/>, which the routes read on every request.
/// </summary>
public sealed class StandInService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StandInService(WebApplication app, StandInFaults faults, ConcurrentQueue<string> requests)
    {
        _app = app;
        Faults = faults;
        Requests = requests;
        Url = app.Urls.First();
    }

    /// <summary>The base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url { get; }

    public int Port => new Uri(Url).Port;

    public StandInFaults Faults { get; }

    /// <summary>Each request's method and path, to show that Medic only reads.</summary>
    public ConcurrentQueue<string> Requests { get; }

    public static async Task<StandInService> StartAsync(ISeedSurface surface, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var faults = new StandInFaults();
        var requests = new ConcurrentQueue<string>();
        app.Use(async (context, next) =>
        {
            requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            await next(context);
        });
        app.UseWebSockets();
        surface.Map(app, faults);
        await app.StartAsync(cancellationToken);
        return new StandInService(app, faults, requests);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One seed system's HTTP surface: the routes its guide documents.</summary>
public interface ISeedSurface
{
    void Map(WebApplication app, StandInFaults faults);
}

/// <summary>The failure states a test switches on, by name (a guide's cause), with an optional value.</summary>
public sealed class StandInFaults
{
    private readonly ConcurrentDictionary<string, string> _on = new(StringComparer.Ordinal);

    public void Set(string fault, string value = "") => _on[fault] = value;

    public void Clear(string fault) => _on.TryRemove(fault, out _);

    public void ClearAll() => _on.Clear();

    public bool IsOn(string fault) => _on.ContainsKey(fault);

    public string? Value(string fault) => _on.TryGetValue(fault, out var v) ? v : null;
}
