using Medic.Core.Model;

namespace Medic.Core.Engine;

/// <summary>
/// Answers probe requests from observations recorded earlier (a bundle), keyed by component, probe and arguments,
/// without touching the network. A request nothing was recorded for yields an error observation, as a probe that
/// could not run would.
/// </summary>
public sealed class StoredObservationSource : IObservationSource
{
    public const string NotRecorded = "not_recorded";

    private readonly Dictionary<string, Observation> _stored = new(StringComparer.Ordinal);

    public StoredObservationSource(IEnumerable<Observation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        foreach (var o in observations)
        {
            _stored[ObservationKey.Of(o.Probe, o.Component, o.Args)] = o;
        }
    }

    public int Count => _stored.Count;

    public bool Contains(ProbeInvocation invocation) => _stored.ContainsKey(invocation?.Key ?? "");

    public Task<Observation> ObserveAsync(ProbeInvocation invocation, TimeProvider time, CancellationToken runToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(time);
        runToken.ThrowIfCancellationRequested();
        var observation = _stored.TryGetValue(invocation.Key, out var o)
            ? o
            : new Observation(invocation.Probe.Name, invocation.Component.Name, invocation.Args, time.GetUtcNow(), 0,
                ObservationStatus.Error, null, new ProbeError(NotRecorded, "this probe request was not recorded in the bundle"));
        return Task.FromResult(observation);
    }
}
