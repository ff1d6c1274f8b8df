using System.Text.Json;
using System.Text.Json.Nodes;

namespace Medic.Probes.Http;

/// <summary>
/// Reads a health endpoint's answer into one shape, whatever the service's framework:
/// <c>{status, raw_status, checks: [{name, status, raw_status, message, duration}]}</c>, or null when the body
/// is not a health document. Knows the common JSON shapes (a status with checks as a map or a list, ASP.NET
/// HealthChecks entries, Spring Actuator components, the IETF health+json draft, <c>{"healthy": true}</c>,
/// services/dependencies maps, failure maps) and bare status words such as <c>ok</c>.
/// </summary>
internal static partial class HealthReader
{
    private const int MaxChecks = 100;
    private const int MaxDepth = 3;

    private static readonly string[] StatusKeys = ["status", "state", "health", "overall_status", "overallStatus", "result"];
    private static readonly string[] FlagKeys = ["healthy", "ok", "up", "alive", "ready", "available"];
    private static readonly string[] EnvelopeKeys = ["data", "health", "result", "body"];

    public static JsonObject? Read(JsonNode? json, string? text, int statusCode) => json switch
    {
        JsonObject o => FromObject(o, statusCode, envelope: true),
        JsonArray a => FromList(a, statusCode),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => FromText(v.GetValue<string>()),
        _ => json is null ? FromText(text) : null,
    };

    private static JsonObject? FromObject(JsonObject o, int statusCode, bool envelope)
    {
        var raw = StatusOf(o);
        var checks = new List<Check>();
        ReadChecks(o, "", 0, checks);
        if (raw is null && checks.Count == 0)
        {
            // Some services wrap the document: {"data": {"status": "ok", ...}}.
            return envelope && EnvelopeKeys.Select(k => Get(o, k)).OfType<JsonObject>().FirstOrDefault() is { } inner
                ? FromObject(inner, statusCode, envelope: false)
                : null;
        }

        return Document(raw, checks, statusCode);
    }

    private static JsonObject? FromList(JsonArray list, int statusCode)
    {
        var checks = new List<Check>();
        ReadList(list, "check", "", 0, checks);
        return checks.Count == 0 ? null : Document(null, checks, statusCode);
    }

    private static JsonObject? FromText(string? text)
    {
        var word = text?.Trim();
        return word is { Length: > 0 and <= 40 } && HealthStatus.IsKnown(word) ? Document(word, [], 200) : null;
    }

    private static JsonObject Document(string? raw, List<Check> checks, int statusCode)
    {
        var status = raw is null ? Derive(checks, statusCode) : HealthStatus.Normalise(raw);
        return new JsonObject
        {
            ["status"] = status,
            ["raw_status"] = raw,
            ["checks"] = new JsonArray([.. checks.Select(c => c.ToJson())]),
        };
    }

    /// <summary>The status of a document that states none: from its checks, else from the HTTP status code.</summary>
    private static string Derive(List<Check> checks, int statusCode)
    {
        var worst = checks.Select(c => c.Status).Aggregate(HealthStatus.Unknown, HealthStatus.Worst);
        return worst == HealthStatus.Unhealthy || statusCode >= 500 ? HealthStatus.Unhealthy : worst;
    }

    /// <summary>The object's own status word: a status string or boolean, else a boolean flag such as <c>healthy</c>.</summary>
    private static string? StatusOf(JsonObject o, int depth = 0)
    {
        foreach (var key in StatusKeys)
        {
            switch (Get(o, key))
            {
                case JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } s:
                    return s;
                case JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                    return v.GetValue<bool>() ? "true" : "false";
                case JsonObject inner when depth == 0 && (Get(inner, "code") ?? Get(inner, "status")) is JsonValue code
                    && code.GetValueKind() == JsonValueKind.String:
                    return code.GetValue<string>();
            }
        }

        foreach (var key in FlagKeys)
        {
            if (Get(o, key) is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                return v.GetValue<bool>() ? "true" : "false";
            }
        }

        return null;
    }

    /// <summary>A property by name, exact first, then ignoring case (Go services often emit <c>Status</c>).</summary>
    private static JsonNode? Get(JsonObject o, string name)
    {
        if (o.TryGetPropertyValue(name, out var exact))
        {
            return exact;
        }

        foreach (var (key, value) in o)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonObject o => Text(Get(o, "message")),
        _ => null,
    };

    private sealed record Check(string Name, string Status, string? RawStatus, string? Message, JsonNode? Duration)
    {
        public JsonObject ToJson() => new()
        {
            ["name"] = Name,
            ["status"] = Status,
            ["raw_status"] = RawStatus,
            ["message"] = Message,
            ["duration"] = Duration?.DeepClone(),
        };
    }
}
