using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Probes.Http;
using Medic.Probes.Net;
using Microsoft.IdentityModel.Tokens;

namespace Medic.Probes.Jwt;

/// <summary>
/// Reads a JSON Web Key Set from a URL (one GET, no redirects followed) or a file. Failing to get one is a finding
/// about the system (the guide's AUTH009), so every failure comes back as a <see cref="JwksError"/>, never thrown;
/// only the caller's cancellation propagates.
/// </summary>
internal static class JwksLoader
{
    private const int MaxBytes = 1024 * 1024;

    public static async Task<JwksDocument> LoadAsync(string jwks, Func<string, string> resolvePath, TimeSpan timeout, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (jwks.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || jwks.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return Uri.TryCreate(jwks, UriKind.Absolute, out var uri)
                ? await FetchAsync(uri, timeout, time, cancellationToken).ConfigureAwait(false)
                : new JwksDocument("url", jwks, [], new JwksError(ErrorKinds.InvalidArgument, "not a valid URL"));
        }

        var path = resolvePath(jwks.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? new Uri(jwks).LocalPath : jwks);
        return Read(path);
    }

    /// <summary>
    /// What a JWKS URL that never answered yields (as <see cref="FetchAsync"/> reports it at its deadline), or null for a
    /// file, which has no network wait.
    /// </summary>
    public static JwksDocument? Unanswered(string jwks, TimeSpan timeout)
    {
        if (!Uri.TryCreate(jwks, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var location = HttpTarget.Display(uri);
        return new JwksDocument("url", location, [], new JwksError(ErrorKinds.Timeout, $"no answer from {location} within {Quantities.FormatDuration(timeout)}"));
    }

    private static async Task<JwksDocument> FetchAsync(Uri uri, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var location = HttpTarget.Display(uri);
        using var deadline = new CancellationTokenSource(ProbeDeadline.Budget(timeout), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.ConnectionClose = true;
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("medic", "0.1"));
            request.Headers.Accept.ParseAdd("application/json, application/jwk-set+json");
            using var response = await ProbeHttpClient.Instance.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token)
                .ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is < 200 or > 299)
            {
                var message = $"{location} answered HTTP {status} {response.ReasonPhrase}".TrimEnd();
                return new JwksDocument("url", location, [], new JwksError(KindOf(status), message, status));
            }

            var body = await ReadCappedAsync(response, linked.Token).ConfigureAwait(false);
            return Parse("url", location, body);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var message = $"no answer from {location} within {Quantities.FormatDuration(timeout)}";
            return new JwksDocument("url", location, [], new JwksError(ErrorKinds.Timeout, message));
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SocketException or AuthenticationException)
        {
            var failure = NetErrors.Classify(e);
            return new JwksDocument("url", location, [], new JwksError(failure.Kind, failure.Message));
        }
    }

    private static JwksDocument Read(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > MaxBytes)
            {
                return new JwksDocument("file", path, [], new JwksError(ErrorKinds.Protocol, $"{info.Length} bytes: too large for a JWKS"));
            }

            return Parse("file", path, File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new JwksDocument("file", path, [], new JwksError(ErrorKinds.NotFound, "no such file"));
        }
        catch (UnauthorizedAccessException)
        {
            return new JwksDocument("file", path, [], new JwksError(ErrorKinds.PermissionDenied, "permission denied"));
        }
        catch (IOException e)
        {
            return new JwksDocument("file", path, [], new JwksError(ErrorKinds.Unavailable, e.Message));
        }
    }

    private static JwksDocument Parse(string source, string location, byte[]? body)
    {
        if (body is null)
        {
            return new JwksDocument(source, location, [], new JwksError(ErrorKinds.Protocol, $"larger than {MaxBytes / 1024} KB: not a JWKS"));
        }

        var text = Encoding.UTF8.GetString(body);
        JsonNode? json;
        try
        {
            json = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return new JwksDocument(source, location, [], new JwksError(ErrorKinds.Protocol, "not JSON, so not a JWKS"));
        }

        if (json is not JsonObject set || set["keys"] is not JsonArray)
        {
            return new JwksDocument(source, location, [], new JwksError(ErrorKinds.Protocol, "JSON without a 'keys' array: not a JWKS"));
        }

        try
        {
            return new JwksDocument(source, location, [.. new JsonWebKeySet(text).Keys], null);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            return new JwksDocument(source, location, [], new JwksError(ErrorKinds.Protocol, "a JWKS whose keys cannot be read"));
        }
    }

    private static async Task<byte[]?> ReadCappedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var body = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                body.Write(buffer, 0, read);
                if (body.Length > MaxBytes)
                {
                    return null;
                }
            }

            return body.ToArray();
        }
    }

    private static string KindOf(int status) => status switch
    {
        404 or 410 => ErrorKinds.NotFound,
        401 or 403 => ErrorKinds.AuthFailed,
        >= 500 => ErrorKinds.ServerError,
        _ => ErrorKinds.Protocol,
    };
}
