using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Medic.Probes.Http;

/// <summary>Turns an HTTP response into observation data: status, masked headers, a size-capped body read as JSON or text, and its health reading.</summary>
internal static class HttpResponseReader
{
    public const int MaxBodyBytes = 1024 * 1024;
    public const int MaxTextChars = 2048;

    private static readonly HashSet<string> MaskedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "set-cookie", "cookie", "authorization", "proxy-authorization", "proxy-authenticate", "x-api-key", "x-auth-token",
    };

    public static async Task ReadAsync(JsonObject data, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var statusCode = (int)response.StatusCode;
        data["status_code"] = statusCode;
        data["reason"] = response.ReasonPhrase;
        data["http_version"] = response.Version.ToString();
        data["headers"] = Headers(response);
        var contentType = response.Content.Headers.ContentType;
        data["content_type"] = contentType?.MediaType;

        var (body, truncated) = await ReadBodyAsync(response.Content, cancellationToken).ConfigureAwait(false);
        data["body_bytes"] = truncated ? Math.Max(response.Content.Headers.ContentLength ?? 0, body.Length) : body.Length;
        data["body_truncated"] = truncated;
        var json = truncated ? null : ParseJson(body, contentType?.MediaType);
        var text = json is null ? Text(body, contentType?.CharSet) : null;
        data["json"] = json;
        data["text"] = text;
        data["health"] = HealthReader.Read(json, text, statusCode);
    }

    private static JsonObject Headers(HttpResponseMessage response)
    {
        var headers = new JsonObject();
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            var key = name.ToLowerInvariant();
            headers[key] = MaskedHeaders.Contains(key) ? "***" : string.Join(", ", values);
        }

        return headers;
    }

    private static async Task<(byte[] Body, bool Truncated)> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var body = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while (body.Length <= MaxBodyBytes && (read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                body.Write(buffer, 0, read);
            }

            var truncated = body.Length > MaxBodyBytes;
            return (truncated ? body.GetBuffer().AsSpan(0, MaxBodyBytes).ToArray() : body.ToArray(), truncated);
        }
    }

    private static JsonNode? ParseJson(byte[] body, string? mediaType)
    {
        var span = body.AsSpan();
        if (span.StartsWith("\uFEFF"u8))
        {
            span = span[3..];
        }

        var first = span.TrimStart(" \t\r\n"u8);
        var looksJson = mediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
            || (first.Length > 0 && (first[0] == (byte)'{' || first[0] == (byte)'['));
        if (!looksJson || first.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(span);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(byte[] body, string? charset)
    {
        if (body.Length == 0)
        {
            return null;
        }

        var head = body.AsSpan(0, Math.Min(body.Length, MaxTextChars * 4));
        if (head[..Math.Min(head.Length, MaxTextChars)].Contains((byte)0))
        {
            return null; // binary
        }

        var text = EncodingFor(charset).GetString(head);
        if (text.Length > MaxTextChars)
        {
            var cut = char.IsHighSurrogate(text[MaxTextChars - 1]) ? MaxTextChars - 1 : MaxTextChars;
            text = text[..cut];
        }

        return text;
    }

    private static Encoding EncodingFor(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(charset.Trim('"'));
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }
}
