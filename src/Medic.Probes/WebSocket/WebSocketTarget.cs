using System.Text.Json.Nodes;
using Medic.Core.Probing;
using Medic.Probes.Http;

namespace Medic.Probes.WebSocket;

/// <summary>
/// Where a WebSocket probe connects and what its upgrade request carries: the component's URL plus a path, its
/// headers, subprotocol and token. The token goes in an <c>Authorization: Bearer</c> header, or in the query parameter
/// the component's <c>token_query</c> names (browser clients cannot set headers, so many servers read <c>?token=</c>).
/// A class, not a record, so the token never shows in a generated <c>ToString</c>.
/// </summary>
internal sealed class WebSocketTarget
{
    private WebSocketTarget(Uri uri, string displayUrl, Dictionary<string, string> headers)
    {
        Uri = uri;
        DisplayUrl = displayUrl;
        Headers = headers;
    }

    /// <summary>The URL the request goes to, token included when it travels in the query.</summary>
    public Uri Uri { get; }

    /// <summary>The URL as reports may show it: the token and other secret-looking query values masked.</summary>
    public string DisplayUrl { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public bool Secure => Uri.Scheme is "wss" or "https";

    /// <summary>The name to resolve and to send as the TLS server name, without IPv6 brackets.</summary>
    public string Host => Uri.IdnHost.Trim('[', ']');

    public int Port => Uri.Port;

    public string? Subprotocol { get; private init; }

    /// <summary>Where the token went: <c>header</c>, <c>query</c>, or null when the component has none.</summary>
    public string? TokenPlacement { get; private init; }

    public bool TlsInsecure { get; private init; }

    public static WebSocketTarget? Create(ProbeContext context, out string? problem)
    {
        var component = context.Component;
        var baseUrl = component.GetString("url");
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            problem = $"component '{component.Name}' has no 'url'";
            return null;
        }

        var path = context.GetString("path");
        var url = string.IsNullOrEmpty(path) ? baseUrl : Join(baseUrl, path);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("ws" or "wss" or "http" or "https")
            || string.IsNullOrEmpty(uri.Host))
        {
            problem = $"'{url}' is not a ws:// or wss:// URL";
            return null;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Merge(headers, component.Settings["headers"]);
        Merge(headers, context.Args["headers"]);
        var token = component.GetString("token");
        var tokenQuery = component.GetString("token_query");
        var display = HttpTarget.Display(uri);
        string? placement = null;
        if (!string.IsNullOrEmpty(token))
        {
            if (!string.IsNullOrWhiteSpace(tokenQuery))
            {
                var separator = uri.Query.Length > 1 ? "&" : "?";
                var name = Uri.EscapeDataString(tokenQuery.Trim());
                uri = new Uri(uri.GetLeftPart(UriPartial.Query) + $"{separator}{name}={Uri.EscapeDataString(token)}" + uri.Fragment);
                display = InsertBeforeFragment(display, $"{separator}{name}=***");
                placement = "query";
            }
            else if (!headers.ContainsKey("Authorization"))
            {
                headers["Authorization"] = "Bearer " + token;
                placement = "header";
            }
        }

        problem = null;
        return new WebSocketTarget(uri, display, headers)
        {
            Subprotocol = NonEmpty(context.GetString("subprotocol")) ?? NonEmpty(component.GetString("subprotocol")),
            TokenPlacement = placement,
            TlsInsecure = component.Settings["tls_insecure"] is JsonValue v && v.TryGetValue<bool>(out var insecure) && insecure,
        };
    }

    private static string Join(string baseUrl, string path)
    {
        if (path.Contains("://", StringComparison.Ordinal))
        {
            return path;
        }

        // Appended to the component's URL, as http.get's path is; the URL's own query stays at the end.
        var query = baseUrl.IndexOf('?', StringComparison.Ordinal);
        var head = query < 0 ? baseUrl : baseUrl[..query];
        var tail = query < 0 ? "" : baseUrl[query..];
        return head.TrimEnd('/') + (path.StartsWith('/') || path.StartsWith('?') ? path : "/" + path) + tail;
    }

    private static string InsertBeforeFragment(string url, string text)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? url + text : url[..hash] + text + url[hash..];
    }

    private static void Merge(Dictionary<string, string> headers, JsonNode? source)
    {
        if (source is not JsonObject map)
        {
            return;
        }

        foreach (var (name, value) in map)
        {
            if (value is null)
            {
                headers.Remove(name);
            }
            else
            {
                // A header value cannot span lines; a stray newline would otherwise end the request head early.
                var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString();
                headers[name] = text.ReplaceLineEndings(" ");
            }
        }
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
