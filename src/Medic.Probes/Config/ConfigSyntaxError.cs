using System.Text.Json.Nodes;

namespace Medic.Probes.Config;

/// <summary>Where a configuration file stops parsing, 1-based.</summary>
internal sealed record ConfigSyntaxError(int? Line, int? Column, string Message)
{
    public JsonObject ToJson() => new() { ["line"] = Line, ["column"] = Column, ["message"] = Message };
}
