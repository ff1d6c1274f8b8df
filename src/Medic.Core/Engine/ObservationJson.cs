using System.Globalization;
using System.Text.Json.Nodes;
using Medic.Core.Model;

namespace Medic.Core.Engine;

/// <summary>The JSON shape of an observation, as conditions see it and as reports and bundles store it.</summary>
public static class ObservationJson
{
    public static JsonObject ToJson(Observation o) => new()
    {
        ["probe"] = o.Probe,
        ["component"] = o.Component,
        ["args"] = o.Args.DeepClone(),
        ["started"] = o.Started.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["duration_ms"] = o.DurationMs,
        ["status"] = StatusName(o.Status),
        ["data"] = o.Data?.DeepClone(),
        ["error"] = o.Error is null ? null : new JsonObject { ["kind"] = o.Error.Kind, ["message"] = o.Error.Message },
    };

    public static string StatusName(ObservationStatus status) => status switch
    {
        ObservationStatus.Ok => "ok",
        ObservationStatus.Error => "error",
        _ => "timeout",
    };
}
