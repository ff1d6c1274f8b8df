using System.Text.Json.Nodes;
using Medic.Core.Probing;
using static Medic.Probes.Nats.NatsJson;

namespace Medic.Probes.Nats;

/// <summary>
/// <c>nats.jsz</c>: JetStream from <c>/jsz?accounts=true&amp;streams=true&amp;consumers=true&amp;config=true</c>: enabled,
/// memory and storage used against reservations and limits, and each stream with its consumers' backlog.
/// </summary>
internal sealed class NatsJszProbe : NatsMonitorProbe
{
    public const string Query = "?accounts=true&streams=true&consumers=true&config=true";

    private const int TopConsumers = 10;

    public override string Name => "nats.jsz";

    public override string Description =>
        "JetStream from /jsz: enabled, memory/storage used vs reserved vs limits (with ratios), API errors, and each stream "
        + "(messages, bytes vs max_bytes, sequences, consumers with num_pending, num_ack_pending, num_redelivered, last_active_ms)";

    public override IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("stream", ParameterType.String, Description: "report only this stream (nats-server 2.9 ignores /jsz?stream=, so Medic filters)"),
        new("account", ParameterType.String, Description: "report only streams of this account"),
    ];

    protected override async Task<ProbeResult> ExamineAsync(NatsMonitorRun run, CancellationToken cancellationToken)
    {
        var (_, jsz) = await run.GetAsync("jsz", Query, cancellationToken).ConfigureAwait(false);
        var data = run.Data;
        var config = Get(jsz, "config");
        var enabled = Bool(jsz, "disabled") != true;
        data["enabled"] = enabled;
        data["server_id"] = String(jsz, "server_id");
        data["domain"] = String(config, "domain");
        data["store_dir"] = String(config, "store_dir");

        var memory = Long(jsz, "memory");
        var storage = Long(jsz, "storage");
        var reservedMemory = Long(jsz, "reserved_memory");
        var reservedStorage = Long(jsz, "reserved_storage");
        var maxMemory = Limit(config, "max_memory");
        var maxStorage = Limit(config, "max_storage");
        data["memory_bytes"] = memory;
        data["storage_bytes"] = storage;
        data["reserved_memory_bytes"] = reservedMemory;
        data["reserved_storage_bytes"] = reservedStorage;
        data["max_memory_bytes"] = maxMemory;
        data["max_storage_bytes"] = maxStorage;
        data["memory_ratio"] = Ratio(memory, maxMemory);
        data["storage_ratio"] = Ratio(storage, maxStorage);
        data["reserved_memory_ratio"] = Ratio(reservedMemory, maxMemory);
        data["reserved_storage_ratio"] = Ratio(reservedStorage, maxStorage);
        data["api_total"] = Long(Get(jsz, "api"), "total");
        data["api_errors"] = Long(Get(jsz, "api"), "errors");
        data["stream_count"] = Long(jsz, "streams") ?? 0;
        data["consumer_count"] = Long(jsz, "consumers") ?? 0;
        data["messages"] = Long(jsz, "messages") ?? 0;
        data["bytes"] = Long(jsz, "bytes") ?? 0;

        var filter = new JszStreams.Filter(run.Context.GetString("stream"), run.Context.GetString("account"));
        var streams = JszStreams.Read(jsz, filter, Time(jsz, "now"));
        data["streams"] = new JsonArray([.. streams.Streams]);
        data["streams_truncated"] = streams.Truncated;

        var consumers = streams.Consumers.OrderByDescending(c => c.Pending).ToList();
        data["max_consumer_pending"] = consumers.Count > 0 ? consumers[0].Pending : 0;
        data["top_consumers"] = new JsonArray([.. consumers.Take(TopConsumers).Select(c => c.Summary)]);
        return ProbeResult.Ok(data);
    }
}
