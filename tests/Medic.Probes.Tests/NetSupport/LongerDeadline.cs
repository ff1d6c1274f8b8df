using Medic.Core.Probing;

namespace Medic.Probes.Tests.NetSupport;

/// <summary>
/// Runs a probe with a longer timeout than the engine gives it, as if its own deadline came late: the engine's
/// timeout then always ends it first, the race a loaded machine can produce at any timeout.
/// </summary>
internal sealed class LongerDeadline(IProbe inner, TimeSpan timeout) : DelegatingProbe(inner)
{
    public override Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default) =>
        Inner.RunAsync(context with { Timeout = timeout }, cancellationToken);
}
