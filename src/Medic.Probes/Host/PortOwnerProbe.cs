using System.Globalization;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Os;

namespace Medic.Probes.Host;

/// <summary><c>port.owner</c>: for each port, whether something listens on it and which process that is.</summary>
public sealed class PortOwnerProbe : IProbe
{
    public string Name => "port.owner";

    public string Description => "whether TCP ports are listened on, on which addresses, and by which process";

    public IReadOnlyList<string> Kinds { get; } = ["host"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("ports", ParameterType.IntList, Description: "ports to look at (default: the component's ports)"),
    ];

    public Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.Run(() => Run(context, cancellationToken), cancellationToken);
    }

    private static ProbeResult Run(ProbeContext context, CancellationToken cancellationToken)
    {
        var given = context.GetStringsOrSetting("ports");
        var ports = new List<int>();
        foreach (var text in given)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                return ProbeResult.Fail(ErrorKinds.InvalidArgument, $"'{text}' is not a TCP port");
            }

            ports.Add(port);
        }

        if (ports.Count == 0)
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, "no ports to look at: give 'ports' in the check or the component");
        }

        if (ProcNetTcp.Listeners() is not { } listeners)
        {
            return ProbeResult.Fail(ErrorKinds.Unsupported, "cannot read /proc/net/tcp: no way to see listeners here");
        }

        var wanted = ports.ToHashSet();
        var relevant = listeners.Where(l => wanted.Contains(l.Port)).ToList();
        var owners = OpenFiles.SocketOwners(relevant.Select(l => l.Inode).ToHashSet(), cancellationToken);
        return ProbeResult.Ok(new JsonObject
        {
            ["ports"] = new JsonArray([.. ports.Distinct().Select(p => (JsonNode)Describe(p, relevant, owners))]),
        });
    }

    private static JsonObject Describe(int port, List<TcpListenSocket> listeners, IReadOnlyDictionary<ulong, List<int>> owners)
    {
        var mine = listeners.Where(l => l.Port == port).ToList();
        var pids = mine.SelectMany(l => owners.GetValueOrDefault(l.Inode) ?? []).Distinct().Order().ToList();
        int? pid = pids.Count > 0 ? pids[0] : null;
        return new JsonObject
        {
            ["port"] = port,
            ["listening"] = mine.Count > 0,
            ["pid"] = pid,
            ["process"] = pid is { } p ? ProcFs.ProcessName(p) : null,
            ["pids"] = new JsonArray([.. pids.Select(x => (JsonNode)x)]),
            ["addresses"] = new JsonArray([.. mine.Select(l => l.Endpoint).Distinct().Select(a => (JsonNode)a)]),
            // A listener whose socket no visible process holds belongs to another user (or namespace) we cannot see.
            ["owner_known"] = mine.Count == 0 || pid is not null,
        };
    }
}
