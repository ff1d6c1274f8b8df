using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Medic.Core.Model;

namespace Medic.Probes.Nats;

/// <summary>
/// GETs from one nats-server monitoring endpoint over a single connection of its own, closed when disposed: a probe
/// that asks twice (connz) still opens one connection, and none outlives the run.
/// </summary>
internal sealed class NatsMonitorClient : IDisposable
{
    /// <summary>jsz with every stream and consumer's config is large on a busy server; past this the answer is refused.</summary>
    public const int MaxBodyBytes = 32 * 1024 * 1024;

    private readonly HttpClient _client;
    private readonly string _base;

    public NatsMonitorClient(Uri monitor, bool tlsInsecure)
    {
        _base = monitor.GetLeftPart(UriPartial.Path).TrimEnd('/');
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            MaxResponseHeadersLength = 256,
        };
        if (tlsInsecure)
        {
            // The component's tls_insecure covers its https monitoring port as well as its client port.
#pragma warning disable CA5359
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        _client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("medic/0.1");
    }

    public Uri UrlFor(string endpoint, string query = "") => new($"{_base}/{endpoint}{query}");

    /// <summary>
    /// GETs a JSON document. Status codes in <paramref name="accept"/> (besides 2xx) are answers too; any other status,
    /// or a body that is not a JSON object, throws <see cref="NatsMonitorException"/>.
    /// </summary>
    public async Task<(int StatusCode, JsonObject Json)> GetAsync(Uri uri, CancellationToken cancellationToken, params int[] accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var body = await ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
        var shown = Medic.Probes.Http.HttpTarget.Display(uri);
        if (status is < 200 or > 299 && !accept.Contains(status))
        {
            throw new NatsMonitorException(KindOf(status), $"{shown} answered HTTP {status} {response.ReasonPhrase}{Hint(status)}", status);
        }

        try
        {
            return JsonNode.Parse(body) is JsonObject json
                ? (status, json)
                : throw NotMonitoring(shown, status, body);
        }
        catch (JsonException)
        {
            throw NotMonitoring(shown, status, body);
        }
    }

    public void Dispose() => _client.Dispose();

    private static async Task<byte[]> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var body = new MemoryStream();
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                body.Write(buffer, 0, read);
                if (body.Length > MaxBodyBytes)
                {
                    throw new NatsMonitorException(ErrorKinds.Unsupported, $"the monitoring answer is larger than {MaxBodyBytes / (1024 * 1024)} MiB");
                }
            }

            return body.ToArray();
        }
    }

    private static NatsMonitorException NotMonitoring(string shown, int status, byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 120)).ReplaceLineEndings(" ").Trim();
        return new NatsMonitorException(
            ErrorKinds.Protocol,
            $"{shown} answered HTTP {status} with something that is not a nats-server monitoring document ('{text}'); "
            + "is 'monitor' the server's monitoring port (nats-server -m)?",
            status);
    }

    private static string KindOf(int status) => status switch
    {
        404 => ErrorKinds.NotFound,
        401 => ErrorKinds.AuthFailed,
        403 => ErrorKinds.PermissionDenied,
        503 => ErrorKinds.Unavailable,
        >= 500 => ErrorKinds.ServerError,
        _ => ErrorKinds.Protocol,
    };

    private static string Hint(int status) => status == 404
        ? "; is 'monitor' the nats-server monitoring port (-m), including any http_base_path?"
        : "";
}
