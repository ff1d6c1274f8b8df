using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Medic.Core.Probing;

namespace Medic.Probes.Http;

/// <summary>Where an HTTP probe goes and what it sends: the component's URL plus a path, and the merged headers.</summary>
internal sealed partial class HttpTarget
{
    private readonly Dictionary<string, string> _headers;
    private readonly string? _basicAuth;

    private HttpTarget(Uri uri, Dictionary<string, string> headers, string? basicAuth)
    {
        Uri = uri;
        _headers = headers;
        _basicAuth = basicAuth;
    }

    public Uri Uri { get; }

    /// <summary>The URL as reports may show it: without a password in its user-info.</summary>
    public string DisplayUrl => Display(Uri);

    public static string Display(Uri uri)
    {
        var text = uri.AbsoluteUri;
        if (uri.UserInfo.Length > 0)
        {
            text = text.Replace(uri.UserInfo + "@", MaskedUserInfo(uri.UserInfo) + "@", StringComparison.Ordinal);
        }

        // Health URLs sometimes carry their credential in the query (?key=…); reports show that it is there, not what it is.
        return uri.Query.Length > 1 ? text.Replace(uri.Query, MaskedQuery(uri.Query), StringComparison.Ordinal) : text;
    }

    /// <summary>Builds the target, or explains why the component and arguments do not make a URL.</summary>
    public static HttpTarget? Create(ProbeContext context, out string? problem)
    {
        var baseUrl = context.Component.GetString("url");
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            problem = $"component '{context.Component.Name}' has no 'url'";
            return null;
        }

        var path = context.Args.ContainsKey("path") ? context.GetString("path") : context.Component.GetString("health");
        var url = Join(baseUrl, string.IsNullOrEmpty(path) ? "/" : path);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problem = $"'{url}' is not an http:// or https:// URL";
            return null;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Merge(headers, context.Component.Settings["headers"]);
        Merge(headers, context.Args["headers"]);
        problem = null;
        return new HttpTarget(uri, headers, BasicAuth(uri));
    }

    /// <summary>A GET for <paramref name="uri"/>; credentials go only to the origin the component names.</summary>
    public HttpRequestMessage CreateRequest(Uri uri)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        var sameOrigin = Uri.Compare(uri, Uri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

        // A fresh connection each time, as curl makes: the probe measures connecting too, and never reuses a stale one.
        request.Headers.ConnectionClose = true;
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("medic", "0.1"));
        request.Headers.Accept.ParseAdd("application/json, text/plain;q=0.9, */*;q=0.8");
        foreach (var (name, value) in _headers)
        {
            if (sameOrigin || !IsCredential(name))
            {
                request.Headers.Remove(name);
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (sameOrigin && _basicAuth is not null && !_headers.ContainsKey("Authorization"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _basicAuth);
        }

        return request;
    }

    private static string Join(string baseUrl, string path)
    {
        if (path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return path;
        }

        return baseUrl.TrimEnd('/') + (path.StartsWith('/') || path.StartsWith('?') ? path : "/" + path);
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
                headers[name] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString();
            }
        }
    }

    private static bool IsCredential(string name) =>
        name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || name.Equals("Cookie", StringComparison.OrdinalIgnoreCase)
        || name.Contains("token", StringComparison.OrdinalIgnoreCase) || name.Contains("key", StringComparison.OrdinalIgnoreCase)
        || name.Contains("secret", StringComparison.OrdinalIgnoreCase);

    private static string? BasicAuth(Uri uri) =>
        uri.UserInfo.Length == 0 ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(uri.UserInfo)));

    private static string MaskedQuery(string query) =>
        "?" + string.Join('&', query[1..].Split('&').Select(pair =>
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            return eq > 0 && SecretParameter().IsMatch(pair[..eq]) ? pair[..(eq + 1)] + "***" : pair;
        }));

    [GeneratedRegex("key|token|secret|pass|pwd|auth|sig|credential|session|code", RegexOptions.IgnoreCase)]
    private static partial Regex SecretParameter();

    private static string MaskedUserInfo(string userInfo)
    {
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? userInfo : userInfo[..colon] + ":***";
    }
}
