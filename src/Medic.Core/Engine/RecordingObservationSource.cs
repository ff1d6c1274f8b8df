using System.Collections.Concurrent;
using Medic.Core.Model;

namespace Medic.Core.Engine;

/// <summary>Passes each request to another source and keeps every observation (values, status, error, duration) by invocation key.</summary>
public sealed class RecordingObservationSource(IObservationSource inner) : IObservationSource
{
    private readonly ConcurrentDictionary<string, (ProbeInvocation Invocation, Observation Observation)> _recorded = new(StringComparer.Ordinal);

    public RecordingObservationSource()
        : this(LiveObservationSource.Instance)
    {
    }

    /// <summary>What was observed, by <see cref="ProbeInvocation.Key"/>.</summary>
    public IReadOnlyDictionary<string, (ProbeInvocation Invocation, Observation Observation)> Recorded => _recorded;

    public async Task<Observation> ObserveAsync(ProbeInvocation invocation, TimeProvider time, CancellationToken runToken)
    {
        var observation = await inner.ObserveAsync(invocation, time, runToken).ConfigureAwait(false);
        _recorded[invocation.Key] = (invocation, observation);
        return observation;
    }
}
