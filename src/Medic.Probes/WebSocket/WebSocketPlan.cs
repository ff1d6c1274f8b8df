using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;

namespace Medic.Probes.WebSocket;

/// <summary>
/// What <c>websocket.connect</c> does once upgraded: wait for the server's first message, time a round trip, hold the
/// connection idle. Each comes from the check's arguments, else from the component's settings of the same name, so
/// runbooks can leave them out and every check on one component shares a single connection.
/// </summary>
internal sealed record WebSocketPlan(string? Send, bool ExpectFirstMessage, TimeSpan Idle, TimeSpan Wait)
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(3);

    public static WebSocketPlan? Read(ProbeContext context, out string? problem)
    {
        problem = null;
        var send = Pick(context, "send") is JsonValue s && s.TryGetValue<string>(out var text) ? text : Pick(context, "send")?.ToJsonString();
        var expect = Pick(context, "expect_first_message") switch
        {
            null => false,
            JsonValue v when v.TryGetValue<bool>(out var b) => b,
            JsonValue v when v.TryGetValue<string>(out var t) && bool.TryParse(t, out var b) => b,
            _ => (bool?)null,
        };
        if (expect is null)
        {
            problem = "'expect_first_message' must be true or false";
            return null;
        }

        if (!TryDuration(Pick(context, "idle"), TimeSpan.Zero, out var idle))
        {
            problem = "'idle' must be a duration such as 5s or 65s";
            return null;
        }

        if (!TryDuration(Pick(context, "wait"), DefaultWait, out var wait))
        {
            problem = "'wait' must be a duration such as 500ms or 3s";
            return null;
        }

        return new WebSocketPlan(string.IsNullOrEmpty(send) ? null : send, expect.Value, idle, wait);
    }

    private static JsonNode? Pick(ProbeContext context, string name) => context.Args[name] ?? context.Component.Settings[name];

    private static double? Number(JsonValue v) =>
        v.TryGetValue<long>(out var l) ? l : v.TryGetValue<int>(out var i) ? i : v.TryGetValue<double>(out var d) ? d : null;

    /// <summary>A duration from "5s", or from a number of milliseconds (how system files store durations).</summary>
    private static bool TryDuration(JsonNode? node, TimeSpan fallback, out TimeSpan value)
    {
        value = fallback;
        switch (node)
        {
            case null:
                return true;
            case JsonValue v when v.TryGetValue<string>(out var s):
                if (long.TryParse(s, out var plain) && plain >= 0)
                {
                    value = TimeSpan.FromMilliseconds(plain);
                    return true;
                }

                return Quantities.TryParseDuration(s, out value) && value >= TimeSpan.Zero;
            case JsonValue v when Number(v) is { } ms && ms >= 0:
                value = TimeSpan.FromMilliseconds(ms);
                return true;
            default:
                return false;
        }
    }
}
