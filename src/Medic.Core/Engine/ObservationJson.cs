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

    /// <summary>Reads an observation back from <see cref="ToJson"/>'s shape; null when a required field is missing or wrong.</summary>
    public static Observation? FromJson(JsonNode? node)
    {
        if (node is not JsonObject o
            || o["probe"] is not JsonValue probe || !probe.TryGetValue<string>(out var probeName)
            || o["component"] is not JsonValue component || !component.TryGetValue<string>(out var componentName)
            || o["args"] is not JsonObject args
            || o["status"] is not JsonValue status || !status.TryGetValue<string>(out var statusName) || ParseStatus(statusName) is not { } parsed)
        {
            return null;
        }

        var started = o["started"] is JsonValue s && s.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : DateTimeOffset.MinValue;
        var duration = o["duration_ms"] is JsonValue d && d.TryGetValue<double>(out var ms) ? ms : 0;
        var error = o["error"] is JsonObject e
            ? new ProbeError(e["kind"]?.GetValue<string>() ?? ErrorKinds.Internal, e["message"]?.GetValue<string>() ?? "")
            : null;
        return new Observation(probeName, componentName, (JsonObject)args.DeepClone(), started, duration, parsed, o["data"]?.DeepClone(), error);
    }

    public static ObservationStatus? ParseStatus(string name) => name switch
    {
        "ok" => ObservationStatus.Ok,
        "error" => ObservationStatus.Error,
        "timeout" => ObservationStatus.Timeout,
        _ => null,
    };

    public static string StatusName(ObservationStatus status) => status switch
    {
        ObservationStatus.Ok => "ok",
        ObservationStatus.Error => "error",
        _ => "timeout",
    };
}
