using System.Text.Json.Nodes;
using Medic.Core.Model;

namespace Medic.Core.Probing;

/// <summary>What a probe returns: data, or a classified error (with whatever data it gathered before failing).</summary>
public sealed record ProbeResult(JsonNode? Data, ProbeError? Error)
{
    public static ProbeResult Ok(JsonNode? data) => new(data, null);

    public static ProbeResult Fail(string kind, string message, JsonNode? data = null) => new(data, new ProbeError(kind, message));
}
