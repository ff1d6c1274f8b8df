using System.Text.Json.Nodes;

namespace Medic.Probes.Nginx;

/// <summary>
/// One location as nginx will run it: its own proxy_pass, and the effective timeouts, body limit, HTTP version,
/// buffering and upgrade headers after inheritance, each with where it was set (<c>set_at</c>; absent: nginx's default).
/// </summary>
internal static class NginxLocationReport
{
    public static JsonObject Build(NginxDirective location, NginxScope scope, string? parent, NginxReportContext context)
    {
        var setAt = new JsonObject();
        var proxyPass = location.Children("proxy_pass").FirstOrDefault()?.Arg(0);
        var upgrade = NginxUpgradeHeaders.Describe(scope, context.Maps);
        var (modifier, path) = PathOf(location);
        var pathHint = NginxWebSocketHints.PathLooksLikeWebSocket(path);
        var headerHint = NginxUpgradeHeaders.SetHere(scope.Innermost);
        return new JsonObject
        {
            ["path"] = path,
            ["modifier"] = modifier,
            ["file"] = location.Position.File,
            ["line"] = location.Position.Line,
            ["parent"] = parent,
            ["proxy_pass"] = proxyPass,
            ["upstream"] = context.UpstreamOf(proxyPass),
            ["proxy_http_version"] = Text(scope, "proxy_http_version", NginxDefaults.ProxyHttpVersion, setAt),
            ["upgrade_headers"] = upgrade,
            ["proxy_read_timeout_ms"] = Duration(scope, "proxy_read_timeout", NginxDefaults.ProxyReadTimeoutMs, setAt),
            ["proxy_send_timeout_ms"] = Duration(scope, "proxy_send_timeout", NginxDefaults.ProxySendTimeoutMs, setAt),
            ["proxy_connect_timeout_ms"] = Duration(scope, "proxy_connect_timeout", NginxDefaults.ProxyConnectTimeoutMs, setAt),
            ["client_max_body_size_bytes"] = Size(scope, "client_max_body_size", NginxDefaults.ClientMaxBodySizeBytes, setAt),
            ["proxy_buffering"] = Flag(scope, "proxy_buffering", NginxDefaults.ProxyBuffering, setAt),
            ["websocket_like"] = pathHint || headerHint,
            ["websocket_hint"] = pathHint ? "path" : headerHint ? "upgrade_header" : null,
            ["set_at"] = setAt,
        };
    }

    /// <summary>The location's match modifier (<c>=</c>, <c>~</c>, <c>~*</c>, <c>^~</c>; null for a prefix) and its path.</summary>
    private static (string? Modifier, string Path) PathOf(NginxDirective location) =>
        location.ArgCount >= 2 ? (location.Arg(0), location.Arg(1)!)
        : location.Arg(0) is { } only && only.Length > 1 && (only[0] == '=' || only[0] == '~' || only.StartsWith("^~", StringComparison.Ordinal))
            ? SplitGlued(only)
            : (null, location.Arg(0) ?? "");

    // nginx also accepts the modifier glued to the path: "location =/health".
    private static (string? Modifier, string Path) SplitGlued(string text) =>
        text.StartsWith("^~", StringComparison.Ordinal) ? ("^~", text[2..])
        : text.StartsWith("~*", StringComparison.Ordinal) ? ("~*", text[2..])
        : (text[..1], text[1..]);

    public static long Duration(NginxScope scope, string name, long fallback, JsonObject setAt) =>
        Effective(scope, name, setAt) is { } value && NginxValues.TryParseDuration(value, out var ms) ? ms : fallback;

    public static long Size(NginxScope scope, string name, long fallback, JsonObject setAt) =>
        Effective(scope, name, setAt) is { } value && NginxValues.TryParseSize(value, out var bytes) ? bytes : fallback;

    private static bool Flag(NginxScope scope, string name, bool fallback, JsonObject setAt) =>
        Effective(scope, name, setAt) is { } value && NginxValues.Flag(value) is { } flag ? flag : fallback;

    private static string Text(NginxScope scope, string name, string fallback, JsonObject setAt) => Effective(scope, name, setAt) ?? fallback;

    private static string? Effective(NginxScope scope, string name, JsonObject setAt)
    {
        if (scope.Find(name) is not { } directive)
        {
            return null;
        }

        setAt[name] = directive.Position.ToString();
        return directive.Arg(0);
    }
}
