using System.Text.Json.Nodes;
using Medic.Core.Model;

namespace Medic.Core.Runbooks;

/// <summary>
/// A named probe invocation in a runbook. <see cref="Target"/> is a component kind or name; null means the
/// runbook's subject component. String values in <see cref="Args"/> may hold <c>{expr}</c> templates over
/// <c>component</c>, rendered before the probe runs.
/// </summary>
public sealed record Check(
    string Name,
    string Probe,
    string? Target,
    JsonObject Args,
    TimeSpan? Timeout,
    bool Optional,
    SourcePosition Position);
