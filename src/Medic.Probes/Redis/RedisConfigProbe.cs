using System.Text.Json.Nodes;
using Medic.Core.Probing;
using Medic.Probes.Redis.Resp;

namespace Medic.Probes.Redis;

/// <summary>
/// CONFIG GET for a few settings. Managed services and hardened servers rename or forbid CONFIG; that is an
/// observation (<c>available: false</c> with the reason), not a failure.
/// </summary>
internal sealed class RedisConfigProbe : RedisProbe
{
    private const int MaxKeys = 50;

    public static IReadOnlyList<string> DefaultKeys { get; } =
        ["maxmemory", "maxmemory-policy", "timeout", "maxclients", "save", "appendonly"];

    public override string Name => "redis.config";

    public override string Description => "CONFIG GET of settings (maxmemory, policy, timeout, maxclients, save, appendonly)";

    public override IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("keys", ParameterType.StringList, Description: "settings or glob patterns to read (default: " + string.Join(", ", DefaultKeys) + ")"),
    ];

    protected override async Task<ProbeResult> ExamineAsync(RedisProbeRun run, CancellationToken cancellationToken)
    {
        var keys = run.Context.GetStrings("keys").Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxKeys).ToList();
        if (keys.Count == 0)
        {
            keys = [.. DefaultKeys];
        }

        var values = new JsonObject();
        var missing = new JsonArray();
        foreach (var key in keys)
        {
            // One key per call: servers before 7.0 take a single pattern.
            var reply = await run.Connection.ExecuteAsync(["CONFIG", "GET", key], cancellationToken).ConfigureAwait(false);
            if (RedisSession.IsRefusedCommand(reply))
            {
                return ProbeResult.Ok(Unavailable(run.Data, reply));
            }

            if (reply.IsError)
            {
                throw new RedisServerException(reply.Text ?? "", "CONFIG GET");
            }

            var found = AddPairs(reply, values);
            if (!found && !key.Contains('*', StringComparison.Ordinal) && !key.Contains('?', StringComparison.Ordinal))
            {
                missing.Add(key);
            }
        }

        run.Data["available"] = true;
        run.Data["reason"] = null;
        run.Data["values"] = values;
        run.Data["missing"] = missing;
        return ProbeResult.Ok(run.Data);
    }

    /// <summary>Reads CONFIG GET's flat name/value array into the object; false when it held nothing.</summary>
    internal static bool AddPairs(RespValue reply, JsonObject values)
    {
        var items = reply.Items ?? [];
        for (var i = 0; i + 1 < items.Count; i += 2)
        {
            if (items[i].AsText() is { } name)
            {
                values[name] = items[i + 1].AsText() is { } text ? RedisValues.Scalar(name, text) : null;
            }
        }

        return items.Count >= 2;
    }

    internal static JsonObject Unavailable(JsonObject data, RespValue reply)
    {
        var text = reply.Text ?? "";
        data["available"] = false;
        data["code"] = RedisServerException.CodeOf(text);
        data["reason"] = RedisServerException.CodeOf(text) == "NOPERM"
            ? $"the ACL user may not run CONFIG GET ({text})"
            : $"CONFIG is disabled or renamed on this server ({text})";
        data["values"] = new JsonObject();
        return data;
    }
}
