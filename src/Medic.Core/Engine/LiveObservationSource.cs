using Medic.Core.Model;

namespace Medic.Core.Engine;

/// <summary>Runs the probe against the real component.</summary>
public sealed class LiveObservationSource : IObservationSource
{
    public static LiveObservationSource Instance { get; } = new();

    public Task<Observation> ObserveAsync(ProbeInvocation invocation, TimeProvider time, CancellationToken runToken) =>
        ProbeRunner.RunAsync(invocation, time, runToken);
}
