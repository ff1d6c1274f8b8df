using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Net;

namespace Medic.Probes.Nginx;

/// <summary>
/// <c>nginx.upstreams</c>: reads the configuration like <c>nginx.config</c>, then opens (and closes) one TCP or Unix
/// socket connection to every backend server a location proxies to, as nginx would, sending nothing. A backend whose
/// servers all refuse is what turns into 502 Bad Gateway ("connect() failed (111: Connection refused) while
/// connecting to upstream").
/// </summary>
public sealed class NginxUpstreamsProbe : IProbe
{
    private const int MaxServers = 64;

    public string Name => "nginx.upstreams";

    public string Description =>
        "connect to every backend the nginx configuration proxies to (upstream servers and proxy_pass addresses): "
        + "reachable or not with the classified error, per backend the locations that use it";

    public IReadOnlyList<string> Kinds { get; } = ["nginx"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } = [];

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var setting = context.Component.GetString("config");
        if (string.IsNullOrWhiteSpace(setting))
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, $"component '{context.Component.Name}' has no 'config'");
        }

        var path = context.Component.ResolvePath(setting);
        var data = new JsonObject { ["config"] = path };
        var budget = ProbeDeadline.Budget(context.Timeout);
        using var deadline = new CancellationTokenSource(budget, context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        NginxConfig config;
        try
        {
            config = await Task.Run(() => NginxConfigReader.Read(path, linked.Token), linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.Fail(ErrorKinds.Timeout, $"reading {path} took longer than {Quantities.FormatDuration(context.Timeout)}", data);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            var kind = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => ErrorKinds.NotFound,
                UnauthorizedAccessException => ErrorKinds.PermissionDenied,
                _ => ErrorKinds.Internal,
            };
            return ProbeResult.Fail(kind, $"cannot read {path}: {e.Message}", data);
        }

        data["syntax_ok"] = config.SyntaxOk;
        var backends = NginxBackends.Of(config);
        var servers = backends.SelectMany(b => b.Servers).Where(s => !s.Down).DistinctBy(s => s.Address).Take(MaxServers).ToList();
        context.ReportTarget($"the upstream servers of {path}", data);
        var results = await Task.WhenAll(servers.Select(s => ConnectAsync(s, context.Time, linked.Token))).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var outcome = servers.Zip(results).ToDictionary(p => p.First.Address, p => p.Second, StringComparer.Ordinal);
        data["backends"] = new JsonArray([.. backends.Select(b => Backend(b, outcome))]);
        data["unreachable"] = outcome.Values.Count(o => o["reachable"]?.GetValue<bool>() == false);
        return ProbeResult.Ok(data);
    }

    private static JsonObject Backend(NginxBackend backend, Dictionary<string, JsonObject> outcome)
    {
        var servers = backend.Servers.Select(s =>
        {
            var o = outcome.TryGetValue(s.Address, out var r) ? (JsonObject)r.DeepClone() : new JsonObject { ["reachable"] = null };
            o["address"] = s.Address;
            o["backup"] = s.Backup;
            o["down"] = s.Down;
            return o;
        }).ToList();
        var live = servers.Where(s => s["down"]!.GetValue<bool>() == false).ToList();
        return new JsonObject
        {
            ["name"] = backend.Name,
            ["upstream"] = backend.Upstream,
            ["locations"] = new JsonArray([.. backend.Locations.Select(l => JsonValue.Create(l))]),
            ["servers"] = new JsonArray([.. servers]),
            ["checked"] = live.Count(s => s["reachable"] is not null),
            ["reachable"] = live.Count(s => s["reachable"]?.GetValue<bool>() == true),
        };
    }

    private static async Task<JsonObject> ConnectAsync(NginxBackendServer server, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var result = new JsonObject { ["reachable"] = false };
        try
        {
            EndPoint endpoint = server.IsUnixSocket
                ? new UnixDomainSocketEndPoint(server.Host)
                : new IPEndPoint(await ResolveAsync(server.Host, cancellationToken).ConfigureAwait(false), server.Port);
            using var socket = server.IsUnixSocket
                ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
                : new Socket(((IPEndPoint)endpoint).AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
            result["reachable"] = true;
            result["latency_ms"] = ProbeDeadline.Milliseconds(time.GetElapsedTime(started));
        }
        catch (OperationCanceledException)
        {
            result["error"] = Error(ErrorKinds.Timeout, $"no answer from {server.Address} within {Quantities.FormatDuration(time.GetElapsedTime(started))}");
        }
        catch (SocketException e)
        {
            var kind = server.IsUnixSocket && !File.Exists(server.Host) ? ErrorKinds.NotFound : NetErrors.KindOf(e.SocketErrorCode) ?? ErrorKinds.Unreachable;
            result["error"] = Error(kind, $"{e.Message} ({server.Address})");
        }

        return result;
    }

    private static JsonObject Error(string kind, string message) => new() { ["kind"] = kind, ["message"] = message };

    private static async Task<IPAddress> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var ip))
        {
            return ip;
        }

        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        return addresses.Length > 0 ? addresses[0] : throw new SocketException((int)SocketError.HostNotFound);
    }
}
