using System.Text.Json.Nodes;
using Medic.Core.Probing;
using static Medic.Probes.Nats.NatsJson;

namespace Medic.Probes.Nats;

/// <summary><c>nats.varz</c>: the server's general state from <c>/varz</c>.</summary>
internal sealed class NatsVarzProbe : NatsMonitorProbe
{
    public override string Name => "nats.varz";

    public override string Description =>
        "the server's /varz: version, uptime, connections vs max_connections, slow consumers, subscriptions, message and byte "
        + "counters, memory, CPU, limits, cluster, and JetStream enabled with memory/storage used vs limits";

    protected override async Task<ProbeResult> ExamineAsync(NatsMonitorRun run, CancellationToken cancellationToken)
    {
        var (_, varz) = await run.GetAsync("varz", "", cancellationToken).ConfigureAwait(false);
        var data = run.Data;
        var now = Time(varz, "now");
        var start = Time(varz, "start");
        data["server_id"] = String(varz, "server_id");
        data["server_name"] = String(varz, "server_name");
        data["version"] = String(varz, "version");
        data["go"] = String(varz, "go");
        data["host"] = String(varz, "host");
        data["port"] = Long(varz, "port");
        data["start"] = Iso(start);
        data["uptime_ms"] = Between(start, now);
        data["connections"] = Long(varz, "connections");
        data["total_connections"] = Long(varz, "total_connections");
        data["max_connections"] = Limit(varz, "max_connections");
        data["connections_ratio"] = Ratio(Long(varz, "connections"), Limit(varz, "max_connections"));
        data["slow_consumers"] = Long(varz, "slow_consumers") ?? 0;
        data["slow_consumer_stats"] = Copy(varz, "slow_consumer_stats");
        data["subscriptions"] = Long(varz, "subscriptions");
        data["in_msgs"] = Long(varz, "in_msgs");
        data["out_msgs"] = Long(varz, "out_msgs");
        data["in_bytes"] = Long(varz, "in_bytes");
        data["out_bytes"] = Long(varz, "out_bytes");
        data["mem_bytes"] = Long(varz, "mem");
        data["cpu_percent"] = Number(varz, "cpu");
        data["cores"] = Long(varz, "cores");
        data["max_payload_bytes"] = Long(varz, "max_payload");
        data["max_pending_bytes"] = Long(varz, "max_pending");
        data["auth_required"] = Bool(varz, "auth_required") ?? false;
        data["tls_required"] = Bool(varz, "tls_required") ?? false;
        data["routes"] = Long(varz, "routes") ?? 0;
        data["remotes"] = Long(varz, "remotes") ?? 0;
        data["leafnodes"] = Long(varz, "leafnodes") ?? 0;
        data["cluster"] = Cluster(Get(varz, "cluster"));
        data["jetstream"] = JetStream(Get(varz, "jetstream"));
        data["config_load_time"] = Iso(Time(varz, "config_load_time"));
        return ProbeResult.Ok(data);
    }

    private static JsonObject? Cluster(JsonNode? cluster) =>
        cluster is JsonObject c && (String(c, "name") is not null || Long(c, "port") is > 0)
            ? new JsonObject
            {
                ["name"] = String(c, "name"),
                ["port"] = Long(c, "port"),
                ["urls"] = Get(c, "urls") is JsonArray urls ? urls.DeepClone() : new JsonArray(),
            }
            : null;

    /// <summary>varz shows <c>"jetstream": {}</c> when JetStream is off, and its config and stats when on.</summary>
    private static JsonObject JetStream(JsonNode? js)
    {
        var config = Get(js, "config");
        var stats = Get(js, "stats");
        var enabled = config is JsonObject;
        var memory = Long(stats, "memory");
        var storage = Long(stats, "storage");
        var maxMemory = Limit(config, "max_memory");
        var maxStorage = Limit(config, "max_storage");
        return new JsonObject
        {
            ["enabled"] = enabled,
            ["store_dir"] = String(config, "store_dir"),
            ["memory_bytes"] = memory,
            ["storage_bytes"] = storage,
            ["max_memory_bytes"] = maxMemory,
            ["max_storage_bytes"] = maxStorage,
            ["memory_ratio"] = Ratio(memory, maxMemory),
            ["storage_ratio"] = Ratio(storage, maxStorage),
            ["reserved_memory_bytes"] = Long(stats, "reserved_memory"),
            ["reserved_storage_bytes"] = Long(stats, "reserved_storage"),
            ["api_total"] = Long(Get(stats, "api"), "total"),
            ["api_errors"] = Long(Get(stats, "api"), "errors"),
        };
    }
}
