using System.Globalization;
using System.Text.Json.Nodes;
using Medic.Core.Probing;
using static Medic.Probes.Nats.NatsJson;

namespace Medic.Probes.Nats;

/// <summary>
/// <c>nats.connz</c>: a summary of <c>/connz</c>: how many clients are connected, the ones with the most bytes waiting
/// to be written to them (a slow consumer in the making), and which recently closed connections the server cut off as
/// slow consumers. Two GETs over one connection.
/// </summary>
internal sealed class NatsConnzProbe : NatsMonitorProbe
{
    private const int DefaultTop = 10;
    private const int DefaultClosed = 256;
    private const int ShownClosures = 10;

    public override string Name => "nats.connz";

    public override string Description =>
        "summary of /connz: open connections, the top ones by pending bytes (name, address, subscriptions, idle, rtt), and "
        + "recently closed connections by reason, naming those cut off as slow consumers";

    public override IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("top", ParameterType.Int, Description: $"how many connections to list, most pending bytes first (default {DefaultTop})"),
        new("closed", ParameterType.Int, Description: $"how many recently closed connections to examine for slow consumers (default {DefaultClosed}; 0: none)"),
    ];

    protected override async Task<ProbeResult> ExamineAsync(NatsMonitorRun run, CancellationToken cancellationToken)
    {
        var top = (int)Math.Clamp(run.Context.GetInt("top") ?? DefaultTop, 1, 1024);
        var closedLimit = (int)Math.Clamp(run.Context.GetInt("closed") ?? DefaultClosed, 0, 10_000);
        var (_, open) = await run.GetAsync("connz", $"?sort=pending&limit={Text(top)}", cancellationToken).ConfigureAwait(false);
        var data = run.Data;
        var now = Time(open, "now");
        var connections = Connections(open).Select(c => Connection(c, now)).ToList();
        data["server_id"] = String(open, "server_id");
        data["num_connections"] = Long(open, "total") ?? Long(open, "num_connections") ?? 0;
        data["max_pending_bytes"] = connections.Select(c => Long(c, "pending_bytes") ?? 0).DefaultIfEmpty(0).Max();
        data["top_pending"] = new JsonArray([.. connections]);

        var closures = new List<JsonObject>();
        var reasons = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (closedLimit > 0)
        {
            var (_, closed) = await run.GetAsync("connz", $"?state=closed&sort=stop&limit={Text(closedLimit)}", cancellationToken).ConfigureAwait(false);
            var closedNow = Time(closed, "now");
            foreach (var c in Connections(closed))
            {
                var reason = String(c, "reason") ?? "unknown";
                reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
                if (IsSlowConsumer(reason))
                {
                    closures.Add(Closure(c, closedNow));
                }
            }
        }

        data["recently_closed"] = reasons.Values.Sum();
        data["closed_reasons"] = new JsonObject(reasons.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)r.Value)));
        data["closed_slow_consumers"] = closures.Count;
        data["slow_consumer_closures"] = new JsonArray([.. closures.Take(ShownClosures)]);
        return ProbeResult.Ok(data);
    }

    /// <summary>nats-server closes a client it cannot write to fast enough with "Slow Consumer (Pending Bytes)" or "(Write Deadline)".</summary>
    public static bool IsSlowConsumer(string reason) => reason.StartsWith("Slow Consumer", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<JsonObject> Connections(JsonObject connz) => (Get(connz, "connections") as JsonArray ?? []).OfType<JsonObject>();

    private static JsonObject Connection(JsonObject c, DateTimeOffset? now) => new()
    {
        ["cid"] = Long(c, "cid"),
        ["name"] = String(c, "name"),
        ["kind"] = String(c, "kind"),
        ["ip"] = String(c, "ip"),
        ["port"] = Long(c, "port"),
        ["lang"] = String(c, "lang"),
        ["version"] = String(c, "version"),
        ["account"] = String(c, "account"),
        ["user"] = String(c, "authorized_user"),
        ["pending_bytes"] = Long(c, "pending_bytes") ?? 0,
        ["subscriptions"] = Long(c, "subscriptions") ?? 0,
        ["in_msgs"] = Long(c, "in_msgs") ?? 0,
        ["out_msgs"] = Long(c, "out_msgs") ?? 0,
        ["in_bytes"] = Long(c, "in_bytes") ?? 0,
        ["out_bytes"] = Long(c, "out_bytes") ?? 0,
        ["rtt_ms"] = GoDuration.Milliseconds(String(c, "rtt")),
        ["idle_ms"] = Between(Time(c, "last_activity"), now) ?? GoDuration.Milliseconds(String(c, "idle")),
        ["uptime_ms"] = Between(Time(c, "start"), now) ?? GoDuration.Milliseconds(String(c, "uptime")),
    };

    private static JsonObject Closure(JsonObject c, DateTimeOffset? now) => new()
    {
        ["cid"] = Long(c, "cid"),
        ["name"] = String(c, "name"),
        ["ip"] = String(c, "ip"),
        ["port"] = Long(c, "port"),
        ["lang"] = String(c, "lang"),
        ["reason"] = String(c, "reason"),
        ["stop"] = Iso(Time(c, "stop")),
        ["stopped_ago_ms"] = Between(Time(c, "stop"), now),
        ["subscriptions"] = Long(c, "subscriptions") ?? 0,
        ["out_msgs"] = Long(c, "out_msgs") ?? 0,
    };

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
