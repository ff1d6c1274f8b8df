using System.Text.Json.Nodes;

namespace Medic.Core.Probing;

/// <summary>
/// What a probe aims at, as it told the engine before talking to it: a name for messages (<c>127.0.0.1:3001</c>, a
/// URL) and the data it knew then (host, port, url…). If the engine stops the probe at its timeout before the probe
/// reports its own result, the timeout observation carries this instead of nothing.
/// </summary>
public sealed record ProbeTarget(string Display, JsonObject Data);
