using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Medic.Logs.Triage;

namespace Medic.Cli.Rendering;

/// <summary><c>medic logs --format json</c>: the whole report, snake_case, schema <c>medic.logs/v1</c> (trace: <c>medic.logs.trace/v1</c>).</summary>
internal static class LogReportJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(TriageReport report)
    {
        var node = JsonSerializer.SerializeToNode(report, Options)!.AsObject();
        node.Insert(0, "schema", "medic.logs/v1");
        return node.ToJsonString(Options);
    }

    public static string WriteTrace(string id, IReadOnlyList<TraceHit> hits, bool truncated)
    {
        var node = new JsonObject
        {
            ["schema"] = "medic.logs.trace/v1",
            ["id"] = id,
            ["truncated"] = truncated,
            ["hits"] = JsonSerializer.SerializeToNode(hits, Options),
        };
        return node.ToJsonString(Options);
    }
}
