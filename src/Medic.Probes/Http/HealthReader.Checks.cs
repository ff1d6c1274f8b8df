using System.Text.Json;
using System.Text.Json.Nodes;

namespace Medic.Probes.Http;

internal static partial class HealthReader
{
    private static readonly string[] ContainerKeys = ["checks", "entries", "components", "services", "dependencies", "details", "results", "failures"];
    private static readonly string[] NameKeys = ["name", "id", "component", "componentId", "component_id", "service", "check", "key", "type"];
    private static readonly string[] MessageKeys = ["message", "error", "err", "description", "output", "reason", "detail", "msg"];
    private static readonly string[] DurationKeys = ["duration", "duration_ms", "latency", "latency_ms", "response_time", "responseTime", "elapsed", "took", "time"];

    private static void ReadChecks(JsonObject o, string prefix, int depth, List<Check> checks)
    {
        var found = false;
        foreach (var key in ContainerKeys)
        {
            var container = Get(o, key);
            if (container is JsonObject map)
            {
                found |= ReadMap(map, key, prefix, depth, checks);
            }
            else if (container is JsonArray list && key != "details")
            {
                found |= ReadList(list, key, prefix, depth, checks);
            }
        }

        if (!found && depth == 0)
        {
            // Spring Boot 1.x puts each indicator beside the status: {"status":"UP","db":{"status":"UP"},"diskSpace":{…}}.
            foreach (var (name, value) in o)
            {
                if (value is JsonObject child && StatusOf(child) is not null && checks.Count < MaxChecks)
                {
                    ReadCheckObject(prefix + name, child, depth, checks);
                }
            }
        }
    }

    private static bool ReadMap(JsonObject map, string container, string prefix, int depth, List<Check> checks)
    {
        var before = checks.Count;
        foreach (var (name, value) in map)
        {
            if (checks.Count >= MaxChecks)
            {
                break;
            }

            var fullName = prefix + name;
            switch (value)
            {
                // "details" also holds plain facts ({"max_connections": 25}); only status-bearing entries are checks there.
                case JsonObject o when container != "details" || StatusOf(o) is not null:
                    ReadCheckObject(fullName, o, depth, checks);
                    break;
                case JsonValue v when container != "details" && v.GetValueKind() == JsonValueKind.String:
                    checks.Add(FromString(fullName, v.GetValue<string>(), isFailure: container == "failures"));
                    break;
                case JsonValue v when container != "details" && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                    var flag = v.GetValue<bool>() ? "true" : "false";
                    checks.Add(new Check(fullName, HealthStatus.Normalise(flag), flag, null, null));
                    break;
                case JsonArray list when container != "details":
                    // The IETF health+json draft: "checks": {"db:responseTime": [{"componentId": …, "status": "pass"}]}.
                    var items = list.OfType<JsonObject>().ToList();
                    for (var i = 0; i < items.Count && checks.Count < MaxChecks; i++)
                    {
                        var id = NameOf(items[i]);
                        var itemName = items.Count == 1 ? fullName : $"{fullName}:{id ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
                        ReadCheckObject(itemName, items[i], depth, checks);
                    }

                    break;
            }
        }

        return checks.Count > before;
    }

    private static bool ReadList(JsonArray list, string container, string prefix, int depth, List<Check> checks)
    {
        var before = checks.Count;
        var i = 0;
        foreach (var item in list)
        {
            if (checks.Count >= MaxChecks)
            {
                break;
            }

            if (item is JsonObject o && (StatusOf(o) is not null || NameOf(o) is not null))
            {
                ReadCheckObject(prefix + (NameOf(o) ?? $"{container}[{i}]"), o, depth, checks);
            }

            i++;
        }

        return checks.Count > before;
    }

    private static void ReadCheckObject(string name, JsonObject o, int depth, List<Check> checks)
    {
        var raw = StatusOf(o);
        var message = MessageOf(o);
        var index = checks.Count;
        checks.Add(new Check(name, "", raw, message, DurationOf(o)));
        if (depth < MaxDepth)
        {
            ReadChecks(o, name + "/", depth + 1, checks);
        }

        // A check without a status word of its own takes its children's worst, or reads its error message.
        var status = raw is not null ? HealthStatus.Normalise(raw)
            : checks.Count > index + 1 ? checks.Skip(index + 1).Select(c => c.Status).Aggregate(HealthStatus.Unknown, HealthStatus.Worst)
            : HasError(o) ? HealthStatus.Unhealthy
            : HealthStatus.Unknown;
        checks[index] = checks[index] with { Status = status };
    }

    /// <summary>A check given as a bare string: <c>"ok"</c>, <c>"error: connection refused"</c> or just the error.</summary>
    private static Check FromString(string name, string value, bool isFailure)
    {
        var text = value.Trim();
        if (HealthStatus.IsKnown(text))
        {
            var known = HealthStatus.Normalise(text);
            return new Check(name, isFailure && known == HealthStatus.Healthy ? HealthStatus.Unhealthy : known, text, null, null);
        }

        var separator = text.IndexOfAny([':', '-', ' ']);
        if (separator > 0 && HealthStatus.IsKnown(text[..separator]))
        {
            var word = text[..separator];
            var rest = text[(separator + 1)..].Trim().TrimStart(':', '-').Trim();
            return new Check(name, HealthStatus.Normalise(word), word, rest.Length > 0 ? Clip(rest) : null, null);
        }

        var status = isFailure || HealthStatus.LooksLikeError(text) ? HealthStatus.Unhealthy : HealthStatus.Unknown;
        return new Check(name, status, null, Clip(text), null);
    }

    private static bool HasError(JsonObject o) => Text(Get(o, "error")) is { Length: > 0 } || Text(Get(o, "err")) is { Length: > 0 };

    private static string? NameOf(JsonObject o) =>
        NameKeys.Select(k => Get(o, k)).OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String)
            .Select(v => v.GetValue<string>()).FirstOrDefault(s => s.Length > 0);

    private static string? MessageOf(JsonObject o)
    {
        foreach (var key in MessageKeys)
        {
            if (Text(Get(o, key)) is { Length: > 0 } s)
            {
                return Clip(s);
            }
        }

        // Spring Actuator: {"status": "DOWN", "details": {"error": "…: Connection refused"}}.
        return Get(o, "details") is JsonObject details
            ? MessageKeys.Take(3).Select(k => Text(Get(details, k))).FirstOrDefault(s => s is { Length: > 0 }) is { } d ? Clip(d) : null
            : null;
    }

    private static JsonNode? DurationOf(JsonObject o) =>
        DurationKeys.Select(k => Get(o, k)).OfType<JsonValue>()
            .FirstOrDefault(v => v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number);

    private static string Clip(string s) => s.Length <= 500 ? s : s[..500] + "…";
}
