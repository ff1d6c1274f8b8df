using System.Globalization;
using System.Text.Json.Nodes;
using Medic.Core.Probing;
using Medic.Probes.Redis.Resp;

namespace Medic.Probes.Redis;

/// <summary>
/// The newest SLOWLOG entries. Each shows the command, its first argument (usually the key, cut short) and the
/// argument count, never the values, which may be anyone's data.
/// </summary>
internal sealed class RedisSlowlogProbe : RedisProbe
{
    private const int DefaultCount = 10;
    private const int MaxCount = 128;
    private const int MaxKeyLength = 64;

    public override string Name => "redis.slowlog";

    public override string Description => "the newest SLOWLOG entries (command, key, duration, client)";

    public override IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("count", ParameterType.Int, Description: $"entries to read (default {DefaultCount}, at most {MaxCount})"),
    ];

    protected override async Task<ProbeResult> ExamineAsync(RedisProbeRun run, CancellationToken cancellationToken)
    {
        var count = (int)Math.Clamp(run.Context.GetInt("count") ?? DefaultCount, 1, MaxCount);
        var length = await run.Connection.ExecuteAsync(["SLOWLOG", "LEN"], cancellationToken).ConfigureAwait(false);
        if (RedisSession.IsRefusedCommand(length))
        {
            run.Data["available"] = false;
            run.Data["reason"] = $"SLOWLOG is not available to this client ({length.Text})";
            run.Data["entries"] = new JsonArray();
            return ProbeResult.Ok(run.Data);
        }

        if (length.IsError)
        {
            throw new RedisServerException(length.Text ?? "", "SLOWLOG LEN");
        }

        var reply = await run.Connection.CallAsync(
            ["SLOWLOG", "GET", count.ToString(CultureInfo.InvariantCulture)], cancellationToken).ConfigureAwait(false);
        var entries = new JsonArray();
        long? slowest = null;
        foreach (var item in reply.Items ?? [])
        {
            if (Entry(item) is { } entry)
            {
                entries.Add(entry);
                var us = entry["duration_us"]!.GetValue<long>();
                slowest = Math.Max(slowest ?? 0, us);
            }
        }

        run.Data["available"] = true;
        run.Data["length"] = length.Integer;
        run.Data["max_duration_ms"] = slowest is { } s ? Math.Round(s / 1000.0, 3) : null;
        run.Data["entries"] = entries;
        return ProbeResult.Ok(run.Data);
    }

    /// <summary>One entry: [id, unix time, microseconds, [args…], client addr, client name] (the last two since 4.0).</summary>
    internal static JsonObject? Entry(RespValue item)
    {
        if (item.Items is not { Count: >= 4 } fields || fields[3].Items is not { } args)
        {
            return null;
        }

        var text = args.Select(a => a.AsText() ?? "").ToList();
        var command = text.Count > 0 ? text[0].ToUpperInvariant() : "";
        var keyIndex = 1;
        if (text.Count > 1 && IsContainer(command))
        {
            command += " " + text[1].ToUpperInvariant();
            keyIndex = 2;
        }

        return new JsonObject
        {
            ["id"] = fields[0].Integer,
            ["time"] = IsoTime(fields[1].Integer),
            ["duration_us"] = fields[2].Integer,
            ["duration_ms"] = Math.Round(fields[2].Integer / 1000.0, 3),
            ["command"] = command,
            ["key"] = text.Count > keyIndex && command is not ("AUTH" or "HELLO") ? Cut(text[keyIndex]) : null,
            ["argc"] = text.Count,
            ["client_addr"] = fields.Count > 4 ? fields[4].AsText() : null,
            ["client_name"] = fields.Count > 5 ? fields[5].AsText() : null,
        };
    }

    private static bool IsContainer(string command) => command is "CONFIG" or "CLIENT" or "SLOWLOG" or "LATENCY" or "MEMORY"
        or "OBJECT" or "XINFO" or "CLUSTER" or "SCRIPT" or "FUNCTION" or "ACL" or "COMMAND" or "MODULE" or "PUBSUB" or "DEBUG";

    private static string Cut(string s) => s.Length <= MaxKeyLength ? s : s[..MaxKeyLength] + "…";
}
