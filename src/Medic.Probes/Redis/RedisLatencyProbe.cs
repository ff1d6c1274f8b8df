using System.Text.Json.Nodes;
using Medic.Core.Probing;
using Medic.Probes.Redis.Resp;

namespace Medic.Probes.Redis;

/// <summary>
/// LATENCY LATEST: the latency spikes the server recorded per event. It records only when
/// latency-monitor-threshold is above 0, so the threshold is read too when CONFIG allows.
/// </summary>
internal sealed class RedisLatencyProbe : RedisProbe
{
    public override string Name => "redis.latency";

    public override string Description => "LATENCY LATEST events (latest and max spike per event) and the monitor threshold";

    protected override async Task<ProbeResult> ExamineAsync(RedisProbeRun run, CancellationToken cancellationToken)
    {
        var latest = await run.Connection.ExecuteAsync(["LATENCY", "LATEST"], cancellationToken).ConfigureAwait(false);
        if (RedisSession.IsRefusedCommand(latest))
        {
            run.Data["available"] = false;
            run.Data["reason"] = $"LATENCY is not available to this client ({latest.Text})";
            run.Data["events"] = new JsonArray();
            return ProbeResult.Ok(run.Data);
        }

        if (latest.IsError)
        {
            throw new RedisServerException(latest.Text ?? "", "LATENCY LATEST");
        }

        var events = new JsonArray();
        foreach (var item in latest.Items ?? [])
        {
            if (Event(item) is { } e)
            {
                events.Add(e);
            }
        }

        var threshold = await run.Connection.ExecuteAsync(["CONFIG", "GET", "latency-monitor-threshold"], cancellationToken)
            .ConfigureAwait(false);
        var values = new JsonObject();
        var thresholdMs = !threshold.IsError && RedisConfigProbe.AddPairs(threshold, values)
            ? InfoView.AsLong(values["latency-monitor-threshold"])
            : null;
        run.Data["available"] = true;
        run.Data["threshold_ms"] = thresholdMs;
        run.Data["monitoring"] = thresholdMs is null ? null : thresholdMs > 0;
        run.Data["max_latency_ms"] = events.Count == 0 ? null : events.Max(e => e!["max_ms"]!.GetValue<long>());
        run.Data["events"] = events;
        return ProbeResult.Ok(run.Data);
    }

    /// <summary>One event: [name, unix time of the latest spike, latest ms, all-time max ms].</summary>
    internal static JsonObject? Event(RespValue item) => item.Items is { Count: >= 4 } f && f[0].AsText() is { } name
        ? new JsonObject
        {
            ["event"] = name,
            ["time"] = IsoTime(f[1].Integer),
            ["latest_ms"] = f[2].Integer,
            ["max_ms"] = f[3].Integer,
        }
        : null;
}
