using System.Text.Json.Nodes;

namespace Medic.Probes.Nginx;

/// <summary>
/// Why nginx would refuse the configuration, and where. <see cref="Line"/> is the line <c>nginx -t</c> names (for a
/// directive, the line of its <c>;</c> or <c>{</c>); <see cref="Column"/> points at the offending word when it is on that line.
/// </summary>
internal sealed record NginxSyntaxError(string File, int Line, int Column, string Message)
{
    public static NginxSyntaxError At(NginxPosition position, string message) => new(position.File, position.Line, position.Column, message);

    public JsonObject ToJson() => new() { ["file"] = File, ["line"] = Line, ["column"] = Column, ["message"] = Message };

    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
