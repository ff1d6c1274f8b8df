namespace Medic.Probes.Nginx;

/// <summary>What every location's report needs from the whole http block: its maps and upstream names.</summary>
internal sealed class NginxReportContext
{
    private readonly HashSet<string> _upstreams;

    public NginxReportContext(NginxDirective http)
    {
        _upstreams = new HashSet<string>(http.Children("upstream").Select(u => u.Arg(0) ?? ""), StringComparer.OrdinalIgnoreCase);
        Maps = http.Children("map")
            .Where(m => m.ArgCount == 2)
            .GroupBy(m => m.Arg(1)!.TrimStart('$'), StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<string>)[.. g.SelectMany(m => m.Block ?? []).Where(e => e.ArgCount >= 1).Select(e => e.Words[^1].Value)],
                StringComparer.Ordinal);
    }

    /// <summary>Variables set by <c>map</c> blocks (without the <c>$</c>) and the values they can take.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Maps { get; }

    /// <summary>The upstream block a <c>proxy_pass</c> URL names, or null when it names a host (or a variable).</summary>
    public string? UpstreamOf(string? proxyPass)
    {
        if (proxyPass is null)
        {
            return null;
        }

        var scheme = proxyPass.IndexOf("://", StringComparison.Ordinal);
        var rest = scheme >= 0 ? proxyPass[(scheme + 3)..] : proxyPass;
        var end = rest.IndexOfAny([':', '/']);
        var host = end >= 0 ? rest[..end] : rest;
        return _upstreams.TryGetValue(host, out var name) ? name : null;
    }
}
