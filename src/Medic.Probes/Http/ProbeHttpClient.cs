using System.Net;

namespace Medic.Probes.Http;

/// <summary>
/// The one HttpClient every HTTP probe shares. Redirects are followed by the probe itself (so it can count them and
/// keep credentials on the original origin); the probe's own deadline bounds connecting and reading.
/// </summary>
internal static class ProbeHttpClient
{
    public static HttpClient Instance { get; } = new(
        new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(15),
            ConnectTimeout = TimeSpan.FromSeconds(30),
            MaxResponseHeadersLength = 256,
        },
        disposeHandler: true)
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
