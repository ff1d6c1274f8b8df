using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;

namespace Medic.Probes.Redis;

/// <summary>PING round trips on one connection, with the server's version and mode from INFO server.</summary>
internal sealed class RedisPingProbe : RedisProbe
{
    private const int DefaultCount = 3;
    private const int MaxCount = 20;

    public override string Name => "redis.ping";

    public override string Description => "PING latency (median, min, max) and the server's version";

    public override IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("count", ParameterType.Int, Description: $"PINGs to send (default {DefaultCount}, at most {MaxCount})"),
    ];

    protected override async Task<ProbeResult> ExamineAsync(RedisProbeRun run, CancellationToken cancellationToken)
    {
        var count = (int)Math.Clamp(run.Context.GetInt("count") ?? DefaultCount, 1, MaxCount);
        var samples = new List<double>(count);
        var time = run.Context.Time;
        for (var i = 0; i < count; i++)
        {
            var t0 = time.GetTimestamp();
            var reply = await run.Connection.CallAsync(["PING"], cancellationToken).ConfigureAwait(false);
            samples.Add(Milliseconds(time.GetElapsedTime(t0)));
            if (reply.Text != "PONG")
            {
                run.Data["reply"] = reply.ToString();
                return ProbeResult.Fail(ErrorKinds.Protocol, $"{run.Target.Address} answered PING with '{reply}' instead of PONG", run.Data);
            }
        }

        samples.Sort();
        run.Data["reply"] = "PONG";
        run.Data["samples"] = count;
        run.Data["latency_ms"] = samples[samples.Count / 2];
        run.Data["latency_min_ms"] = samples[0];
        run.Data["latency_max_ms"] = samples[^1];

        // The version is a bonus: a server that refuses INFO still answered PING.
        var info = await run.Connection.ExecuteAsync(["INFO", "server"], cancellationToken).ConfigureAwait(false);
        var server = info.IsError || info.Text is null ? new JsonObject() : RedisInfoSummary.Server(new InfoView(RedisInfo.Parse(info.Text)));
        run.Data["redis_version"] = server["redis_version"]?.DeepClone();
        run.Data["redis_mode"] = server["redis_mode"]?.DeepClone();
        run.Data["uptime_in_seconds"] = server["uptime_in_seconds"]?.DeepClone();
        return ProbeResult.Ok(run.Data);
    }
}
