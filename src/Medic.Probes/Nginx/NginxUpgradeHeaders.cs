using System.Text.Json.Nodes;

namespace Medic.Probes.Nginx;

/// <summary>
/// Whether a location passes a WebSocket upgrade on: it must set the <c>Upgrade</c> header (nginx does not forward
/// hop-by-hop headers) and a <c>Connection</c> header that says upgrade, literally or through a <c>map</c> such as
/// <c>map $http_upgrade $connection_upgrade { default upgrade; '' close; }</c>.
/// </summary>
internal static class NginxUpgradeHeaders
{
    public static JsonObject Describe(NginxScope scope, IReadOnlyDictionary<string, IReadOnlyList<string>> maps)
    {
        var headers = scope.FindAll("proxy_set_header");
        var upgrade = Header(headers, "Upgrade");
        var connection = Header(headers, "Connection");
        var hidden = scope.Hidden("proxy_set_header").FirstOrDefault(d => string.Equals(d.Arg(0), "Upgrade", StringComparison.OrdinalIgnoreCase));
        return new JsonObject
        {
            ["upgrade"] = upgrade?.Arg(1),
            ["connection"] = connection?.Arg(1),
            ["ok"] = !string.IsNullOrEmpty(upgrade?.Arg(1)) && SaysUpgrade(connection?.Arg(1), maps),
            ["set_at"] = (upgrade ?? connection)?.Position.ToString(),

            // An Upgrade header set further out that this location does not inherit, because it sets headers of its own.
            ["not_inherited_from"] = upgrade is null ? hidden?.Position.ToString() : null,
        };
    }

    /// <summary>Whether this block itself sets an Upgrade header: a sign that it serves WebSockets.</summary>
    public static bool SetHere(IReadOnlyList<NginxDirective> block) =>
        Header(block.Where(d => d.Name == "proxy_set_header").ToList(), "Upgrade") is { } d && !string.IsNullOrEmpty(d.Arg(1));

    private static NginxDirective? Header(IReadOnlyList<NginxDirective> headers, string name) =>
        headers.LastOrDefault(d => string.Equals(d.Arg(0), name, StringComparison.OrdinalIgnoreCase));

    private static bool SaysUpgrade(string? value, IReadOnlyDictionary<string, IReadOnlyList<string>> maps)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (value.Contains("upgrade", StringComparison.OrdinalIgnoreCase) && !value.StartsWith('$'))
        {
            return true;
        }

        var variable = value.TrimStart('$').Trim('{', '}');
        return value.StartsWith('$') && maps.TryGetValue(variable, out var values)
            && values.Any(v => v.Contains("upgrade", StringComparison.OrdinalIgnoreCase));
    }
}
