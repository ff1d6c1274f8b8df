using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Medic.Probes.Tests.Jwt;

/// <summary>
/// An identity provider's key endpoint: a real Kestrel server on a free loopback port serving a JWKS with one RSA
/// key (kid "rsa-1") and one P-256 key (kid "ec-1"), whose private halves sign the tests' tokens; plus the ways a
/// JWKS endpoint goes wrong (404, an HTML error page).
/// </summary>
public sealed class JwksServer : IAsyncLifetime
{
    private WebApplication? _app;

    public RSA Rsa { get; } = RSA.Create(2048);

    public ECDsa Ec { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public string Jwks => TestTokens.Jwks(("rsa-1", Rsa), ("ec-1", Ec));

    public string BaseUrl { get; private set; } = "";

    public string JwksUrl => BaseUrl + "/.well-known/jwks.json";

    public int Requests { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        var jwks = Jwks;
        _app.MapGet("/.well-known/jwks.json", () =>
        {
            Requests++;
            return Results.Text(jwks, "application/json");
        });
        _app.MapGet("/not-a-set", () => Results.Text("""{"kty":"RSA","n":"AQAB","e":"AQAB"}""", "application/json"));
        _app.MapGet("/html", () => Results.Text("<html><body>502 Bad Gateway</body></html>", "text/html"));
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Rsa.Dispose();
        Ec.Dispose();
    }
}
