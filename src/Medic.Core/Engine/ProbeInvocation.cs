using System.Text.Json.Nodes;
using Medic.Core.Probing;
using Medic.Core.Systems;

namespace Medic.Core.Engine;

/// <summary>One probe run against one component with rendered arguments; identical invocations share one key.</summary>
public sealed record ProbeInvocation(IProbe Probe, Component Component, JsonObject Args, TimeSpan Timeout)
{
    public string Key { get; } = ObservationKey.Of(Probe.Name, Component.Name, Args);
}
