using System.Text.Json.Nodes;
using static Medic.Probes.Nats.NatsJson;

namespace Medic.Probes.Nats;

/// <summary>
/// Reads <c>account_details[].stream_detail[]</c> of a /jsz document into one list of streams, each with its limits,
/// fill ratios and consumers (most backlogged first). Bounded, so a server with thousands of streams stays reportable.
/// </summary>
internal static class JszStreams
{
    public const int MaxStreams = 500;
    public const int MaxConsumersPerStream = 100;

    public static Result Read(JsonObject jsz, Filter filter, DateTimeOffset? now)
    {
        var streams = new List<JsonObject>();
        var consumers = new List<ConsumerRef>();
        var truncated = false;
        foreach (var account in (Get(jsz, "account_details") as JsonArray ?? []).OfType<JsonObject>())
        {
            var accountName = String(account, "name") ?? String(account, "id");
            if (filter.Account is not null && accountName != filter.Account)
            {
                continue;
            }

            foreach (var detail in (Get(account, "stream_detail") as JsonArray ?? []).OfType<JsonObject>())
            {
                if (filter.Stream is not null && String(detail, "name") != filter.Stream)
                {
                    continue;
                }

                if (streams.Count >= MaxStreams)
                {
                    truncated = true;
                    continue;
                }

                streams.Add(Stream(detail, accountName, now, consumers));
            }
        }

        return new Result(streams, consumers, truncated);
    }

    private static JsonObject Stream(JsonObject detail, string? account, DateTimeOffset? now, List<ConsumerRef> all)
    {
        var name = String(detail, "name");
        var config = Get(detail, "config");
        var state = Get(detail, "state");
        var messages = Long(state, "messages") ?? 0;
        var bytes = Long(state, "bytes") ?? 0;
        var maxBytes = Limit(config, "max_bytes");
        var maxMsgs = Limit(config, "max_msgs");
        var maxAge = Limit(config, "max_age");
        var lastTs = Time(state, "last_ts");

        var consumers = (Get(detail, "consumer_detail") as JsonArray ?? []).OfType<JsonObject>()
            .Select(c => Consumer(c, now))
            .OrderByDescending(c => c.Pending)
            .ToList();
        foreach (var c in consumers)
        {
            all.Add(c with { Summary = Summary(name, c.Detail) });
        }

        return new JsonObject
        {
            ["name"] = name,
            ["account"] = account,
            ["storage"] = String(config, "storage"),
            ["subjects"] = Get(config, "subjects") is JsonArray subjects ? subjects.DeepClone() : new JsonArray(),
            ["retention"] = String(config, "retention"),
            ["discard"] = String(config, "discard"),
            ["replicas"] = Long(config, "num_replicas"),
            ["sealed"] = Bool(config, "sealed") ?? false,
            ["messages"] = messages,
            ["bytes"] = bytes,
            ["max_bytes"] = maxBytes,
            ["max_msgs"] = maxMsgs,
            ["max_age_ms"] = maxAge is { } ns ? ns / 1_000_000 : null,
            ["bytes_ratio"] = Ratio(bytes, maxBytes),
            ["msgs_ratio"] = Ratio(messages, maxMsgs),
            ["first_seq"] = Long(state, "first_seq") ?? 0,
            ["last_seq"] = Long(state, "last_seq") ?? 0,

            // Sequences missing inside first_seq..last_seq: deleted one by one, or lost from a damaged message block.
            ["num_deleted"] = Long(state, "num_deleted") ?? 0,
            ["last_ts"] = Iso(lastTs),
            ["last_msg_age_ms"] = Between(lastTs, now),
            ["num_subjects"] = Long(state, "num_subjects"),
            ["consumer_count"] = Long(state, "consumer_count") ?? consumers.Count,
            ["leader"] = String(Get(detail, "cluster"), "leader"),
            ["consumers"] = new JsonArray([.. consumers.Take(MaxConsumersPerStream).Select(c => (JsonNode)c.Detail)]),
            ["consumers_truncated"] = consumers.Count > MaxConsumersPerStream,
        };
    }

    private static ConsumerRef Consumer(JsonObject c, DateTimeOffset? now)
    {
        var config = Get(c, "config");
        var delivered = Get(c, "delivered");
        var pending = Long(c, "num_pending") ?? 0;
        var ackPending = Long(c, "num_ack_pending") ?? 0;
        var maxAckPending = Limit(config, "max_ack_pending");
        var detail = new JsonObject
        {
            ["name"] = String(c, "name"),
            ["durable"] = String(config, "durable_name") is { Length: > 0 },
            ["ack_policy"] = String(config, "ack_policy"),
            ["deliver_policy"] = String(config, "deliver_policy"),
            ["filter_subject"] = String(config, "filter_subject"),
            ["push"] = String(config, "deliver_subject") is { Length: > 0 },
            ["num_pending"] = pending,
            ["num_ack_pending"] = ackPending,
            ["max_ack_pending"] = maxAckPending,
            ["ack_pending_ratio"] = Ratio(ackPending, maxAckPending),
            ["num_redelivered"] = Long(c, "num_redelivered") ?? 0,
            ["num_waiting"] = Long(c, "num_waiting") ?? 0,
            ["delivered_consumer_seq"] = Long(delivered, "consumer_seq") ?? 0,
            ["delivered_stream_seq"] = Long(delivered, "stream_seq") ?? 0,
            ["ack_floor_stream_seq"] = Long(Get(c, "ack_floor"), "stream_seq") ?? 0,
            ["created"] = Iso(Time(c, "created")),

            // Since the server last delivered to it (null: never), by the server's own clock.
            ["last_active_ms"] = Between(Time(delivered, "last_active"), now),
        };
        return new ConsumerRef(pending, detail, detail);
    }

    private static JsonObject Summary(string? stream, JsonObject detail) => new()
    {
        ["stream"] = stream,
        ["name"] = detail["name"]?.DeepClone(),
        ["num_pending"] = detail["num_pending"]?.DeepClone(),
        ["num_ack_pending"] = detail["num_ack_pending"]?.DeepClone(),
        ["num_redelivered"] = detail["num_redelivered"]?.DeepClone(),
        ["last_active_ms"] = detail["last_active_ms"]?.DeepClone(),
    };

    public sealed record Filter(string? Stream, string? Account);

    /// <summary>A consumer's backlog, its full detail (placed under its stream) and the short form for <c>top_consumers</c>.</summary>
    public sealed record ConsumerRef(long Pending, JsonObject Detail, JsonObject Summary);

    public sealed record Result(List<JsonObject> Streams, List<ConsumerRef> Consumers, bool Truncated);
}
