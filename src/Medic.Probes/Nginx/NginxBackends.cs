using System.Globalization;

namespace Medic.Probes.Nginx;

/// <summary>Collects the backends of an http block: every upstream a location proxies to, and every literal proxy_pass address.</summary>
internal static class NginxBackends
{
    public static IReadOnlyList<NginxBackend> Of(NginxConfig config)
    {
        if (!config.SyntaxOk || config.Children("http").FirstOrDefault() is not { } http)
        {
            return [];
        }

        var upstreams = http.Children("upstream").Where(u => u.Arg(0) is not null)
            .GroupBy(u => u.Arg(0)!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var context = new NginxReportContext(http);
        var found = new Dictionary<string, (string? Upstream, NginxBackendServer? Server, List<string> Locations)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (path, proxyPass) in ProxyPasses(http))
        {
            var upstream = context.UpstreamOf(proxyPass);
            var server = upstream is null ? Direct(proxyPass) : null;
            if ((upstream is not null ? "upstream " + upstream : server?.Address) is not { } key)
            {
                continue;
            }

            if (!found.TryGetValue(key, out var entry))
            {
                found[key] = entry = (upstream, server, []);
            }

            entry.Locations.Add(path);
        }

        return [.. found.Values.Select(e => e.Upstream is { } name
            ? new NginxBackend(name, name, e.Locations, [.. upstreams[name].Children("server").Select(Server).OfType<NginxBackendServer>()])
            : new NginxBackend(e.Server!.Address, null, e.Locations, [e.Server]))];
    }

    private static IEnumerable<(string Path, string ProxyPass)> ProxyPasses(NginxDirective http) =>
        http.Children("server").SelectMany(s => Locations(s.Block ?? []))
            .SelectMany(l => l.Children("proxy_pass").Select(p => (l.Arg(l.ArgCount - 1) ?? "", p.Arg(0) ?? "")));

    private static IEnumerable<NginxDirective> Locations(IReadOnlyList<NginxDirective> block) =>
        block.Where(d => d.Name == "location" && d.Block is not null).SelectMany(l => Locations(l.Block!).Prepend(l));

    /// <summary>The address of a proxy_pass URL that names no upstream; null when it holds variables.</summary>
    private static NginxBackendServer? Direct(string proxyPass)
    {
        if (proxyPass.Contains('$', StringComparison.Ordinal))
        {
            return null;
        }

        var scheme = proxyPass.IndexOf("://", StringComparison.Ordinal);
        var https = proxyPass.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
        var rest = scheme >= 0 ? proxyPass[(scheme + 3)..] : proxyPass;
        if (rest.StartsWith("unix:", StringComparison.Ordinal))
        {
            var end = rest.IndexOf(':', 5);
            return Parse(end > 0 ? rest[..end] : rest, https ? 443 : 80, false, false);
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return Parse(slash >= 0 ? rest[..slash] : rest, https ? 443 : 80, false, false);
    }

    private static NginxBackendServer? Server(NginxDirective server)
    {
        var options = server.Args.Skip(1).ToList();
        return server.Arg(0) is { } address ? Parse(address, 80, options.Contains("backup"), options.Contains("down")) : null;
    }

    private static NginxBackendServer? Parse(string address, int defaultPort, bool backup, bool down)
    {
        if (address.StartsWith("unix:", StringComparison.Ordinal))
        {
            return new NginxBackendServer(address, address[5..], 0, backup, down);
        }

        string host;
        var port = defaultPort;
        if (address.StartsWith('['))
        {
            var close = address.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return null;
            }

            host = address[1..close];
            if (close + 1 < address.Length && (address[close + 1] != ':' || !TryPort(address[(close + 2)..], out port)))
            {
                return null;
            }
        }
        else
        {
            var colon = address.LastIndexOf(':');
            host = colon >= 0 ? address[..colon] : address;
            if (colon >= 0 && !TryPort(address[(colon + 1)..], out port))
            {
                return null;
            }
        }

        return host.Length == 0 ? null : new NginxBackendServer(address.Contains(':', StringComparison.Ordinal) ? address : $"{address}:{port}", host, port, backup, down);
    }

    private static bool TryPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and < 65536;
}
