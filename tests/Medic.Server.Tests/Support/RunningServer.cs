using System.Net;
using System.Net.Sockets;
using Medic.Server.Api;
using Medic.Server.Scheduling;
using Microsoft.AspNetCore.Builder;

namespace Medic.Server.Tests.Support;

/// <summary>The real server on a free loopback port with a read token and an admin token; cleans its folder on dispose.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    public const string ReadToken = "read-token-1";
    public const string AdminToken = "admin-token-1";

    private readonly DirectoryInfo _dir;
    private readonly WebApplication _app;

    private RunningServer(DirectoryInfo dir, WebApplication app, Uri baseAddress)
    {
        _dir = dir;
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string StorePath => Path.Combine(_dir.FullName, "h.db");

    public static async Task<RunningServer> StartAsync(ISystemRunner runner, CancellationToken ct)
    {
        var dir = Directory.CreateTempSubdirectory("medic-serve-");
        var tokens = new ApiTokens();
        tokens.Add(ReadToken, TokenScope.Read);
        tokens.Add(AdminToken, TokenScope.Admin);
        var port = FreePort();
        var options = new ServerOptions($"http://127.0.0.1:{port}", Path.Combine(dir.FullName, "h.db"), TimeSpan.FromHours(1), 2, tokens);
        var app = ServerApp.Build(options, runner, TimeProvider.System);
        await app.StartAsync(ct);
        return new RunningServer(dir, app, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>A client that neither follows redirects nor keeps cookies, so tests see exactly what the server sends.</summary>
    public HttpClient Client(string? bearer = null)
    {
#pragma warning disable CA2000 // the client owns the handler
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }, disposeHandler: true) { BaseAddress = BaseAddress };
#pragma warning restore CA2000
        if (bearer is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return http;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _dir.Delete(recursive: true);
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
