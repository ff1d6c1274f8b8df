using System.Collections.Frozen;
using C = Medic.Probes.Nginx.NginxContext;
using V = Medic.Probes.Nginx.NginxValueKind;

namespace Medic.Probes.Nginx;

/// <summary>
/// The directives whose placement, arguments and values Medic checks the way nginx does. Anything else is taken as
/// written: Medic does not know every module's directives, so it never calls a directive unknown.
/// </summary>
internal static class NginxRules
{
    private const int Many = int.MaxValue;
    private const C Rewrite = C.Server | C.Location | C.IfInServer | C.IfInLocation;

    private static readonly NginxRule UpstreamServer = new("server", C.Upstream, Block: false, 1, Many);

    private static readonly FrozenDictionary<string, NginxRule> Known = new NginxRule[]
    {
        new("events", C.Main, Block: true, 0, 0, Unique: true, Inner: C.Events),
        new("http", C.Main, Block: true, 0, 0, Unique: true, Inner: C.Http),
        new("worker_processes", C.Main, Block: false, 1, 1),
        new("worker_connections", C.Events, Block: false, 1, 1),
        new("pid", C.Main, Block: false, 1, 1),
        new("error_log", C.Main | C.HttpServerLocation, Block: false, 1, Many),
        new("server", C.Http, Block: true, 0, 0, Inner: C.Server),
        new("upstream", C.Http, Block: true, 1, 1, Inner: C.Upstream),
        new("location", C.Server | C.Location, Block: true, 1, 2, Inner: C.Location),
        new("if", C.Server | C.Location, Block: true, 1, Many),
        new("limit_except", C.Location, Block: true, 1, Many, Inner: C.LimitExcept),
        new("map", C.Http, Block: true, 2, 2),
        new("types", C.HttpServerLocation, Block: true, 0, 0),
        new("geo", C.Http, Block: true, 1, 2),
        new("split_clients", C.Http, Block: true, 2, 2),
        new("listen", C.Server, Block: false, 1, Many),
        new("server_name", C.Server, Block: false, 1, Many),
        new("stub_status", C.Server | C.Location, Block: false, 0, 1),
        new("return", Rewrite, Block: false, 1, 2),
        new("rewrite", Rewrite, Block: false, 2, 3),
        new("set", Rewrite, Block: false, 2, 2),
        new("proxy_pass", C.Location | C.IfInLocation | C.LimitExcept, Block: false, 1, 1, Unique: true),
        new("proxy_set_header", C.HttpServerLocation, Block: false, 2, 2),
        new("proxy_http_version", C.HttpServerLocation, Block: false, 1, 1, V.HttpVersion, Unique: true),
        new("proxy_read_timeout", C.HttpServerLocation, Block: false, 1, 1, V.Duration, Unique: true),
        new("proxy_send_timeout", C.HttpServerLocation, Block: false, 1, 1, V.Duration, Unique: true),
        new("proxy_connect_timeout", C.HttpServerLocation, Block: false, 1, 1, V.Duration, Unique: true),
        new("proxy_buffering", C.HttpServerLocation, Block: false, 1, 1, V.Flag, Unique: true),
        new("client_max_body_size", C.HttpServerLocation, Block: false, 1, 1, V.Size, Unique: true),
    }.ToFrozenDictionary(r => r.Name, StringComparer.Ordinal);

    /// <summary>The rule for <paramref name="name"/> in <paramref name="context"/>, or null when Medic does not check it there.</summary>
    public static NginxRule? Find(string name, NginxContext context)
    {
        if (context == C.Opaque)
        {
            return null;
        }

        // In an upstream block 'server' names an address; everywhere else in http it opens a virtual server.
        return name == "server" && context == C.Upstream ? UpstreamServer : Known.GetValueOrDefault(name);
    }

    /// <summary>The context of the block a directive opens; blocks Medic does not know are opaque.</summary>
    public static NginxContext Inner(NginxRule? rule, NginxContext outer) => rule switch
    {
        null => C.Opaque,
        { Name: "if" } => outer == C.Server ? C.IfInServer : C.IfInLocation,
        _ => rule.Inner,
    };
}
