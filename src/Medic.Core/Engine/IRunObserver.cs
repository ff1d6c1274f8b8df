using Medic.Core.Model;

namespace Medic.Core.Engine;

/// <summary>Hears what the engine does, for progress displays. Called from several threads at once.</summary>
public interface IRunObserver
{
    void Planned(int probeCount);

    void ProbeStarted(string probe, string component);

    void ProbeFinished(Observation observation);
}
