using System.Text.Json.Nodes;
using Medic.Core.Probing;
using Medic.Core.Systems;

namespace Medic.Probes.Tests.Conformance;

/// <summary>
/// How to aim one probe at targets that fail it: <see cref="Absent"/> at a closed port or a missing file, and, for a
/// probe that talks to a network target, <see cref="Silent"/> at a listener that never answers. Each outcome is
/// checked by its own expectation, because some probes report a failing target as data by design.
/// </summary>
internal sealed record ConformanceTarget(
    Func<TargetPlace, Component> Absent,
    Action<ProbeResult> OnAbsent,
    Func<TargetPlace, Component>? Silent = null,
    Action<ProbeResult>? OnSilent = null,
    JsonObject? Args = null,
    bool Blackholed = false)
{
    /// <summary>A fresh copy each run, since a probe's context owns its arguments.</summary>
    public JsonObject FreshArgs() => Args is null ? [] : Args.DeepClone().AsObject();
}
