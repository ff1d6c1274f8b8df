using Medic.Core.Model;

namespace Medic.Core.Engine;

public sealed class NullRunObserver : IRunObserver
{
    public static readonly NullRunObserver Instance = new();

    public void Planned(int probeCount)
    {
    }

    public void ProbeStarted(string probe, string component)
    {
    }

    public void ProbeFinished(Observation observation)
    {
    }
}
