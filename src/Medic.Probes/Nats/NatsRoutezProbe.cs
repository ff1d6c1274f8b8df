using System.Text.Json.Nodes;
using Medic.Core.Probing;
using static Medic.Probes.Nats.NatsJson;

namespace Medic.Probes.Nats;

/// <summary><c>nats.routez</c>: the server's cluster routes to its peers.</summary>
internal sealed class NatsRoutezProbe : NatsMonitorProbe
{
    public override string Name => "nats.routez";

    public override string Description =>
        "the server's /routez: cluster routes to peer servers, each with its remote id, address, pending bytes, "
        + "message counters and subscriptions";

    protected override async Task<ProbeResult> ExamineAsync(NatsMonitorRun run, CancellationToken cancellationToken)
    {
        var (_, routez) = await run.GetAsync("routez", "", cancellationToken).ConfigureAwait(false);
        var routes = (Get(routez, "routes") as JsonArray ?? []).OfType<JsonObject>().Select(r => new JsonObject
        {
            ["rid"] = Long(r, "rid"),
            ["remote_id"] = String(r, "remote_id"),
            ["remote_name"] = String(r, "remote_name"),
            ["ip"] = String(r, "ip"),
            ["port"] = Long(r, "port"),
            ["did_solicit"] = Bool(r, "did_solicit") ?? false,
            ["is_configured"] = Bool(r, "is_configured") ?? false,
            ["pending_bytes"] = Long(r, "pending_size") ?? 0,
            ["rtt_ms"] = GoDuration.Milliseconds(String(r, "rtt")),
            ["in_msgs"] = Long(r, "in_msgs") ?? 0,
            ["out_msgs"] = Long(r, "out_msgs") ?? 0,
            ["subscriptions"] = Long(r, "subscriptions") ?? 0,
        });
        var data = run.Data;
        data["server_id"] = String(routez, "server_id");
        data["num_routes"] = Long(routez, "num_routes") ?? 0;
        data["routes"] = new JsonArray([.. routes]);
        return ProbeResult.Ok(data);
    }
}
