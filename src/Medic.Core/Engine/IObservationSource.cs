using Medic.Core.Model;

namespace Medic.Core.Engine;

/// <summary>
/// Where the engine gets the observation for one probe invocation. Live, a probe runs against the real component;
/// offline, a stored observation answers the same request. The planner and evaluator are the same either way.
/// Implementations turn every failure into an observation; only the run's cancellation escapes.
/// </summary>
public interface IObservationSource
{
    Task<Observation> ObserveAsync(ProbeInvocation invocation, TimeProvider time, CancellationToken runToken);
}
