using Medic.Core.Engine;
using Medic.Core.Model;
using Spectre.Console;

namespace Medic.Cli.Rendering;

/// <summary>Feeds a Spectre progress task from engine events; shows which probe is running.</summary>
internal sealed class ProgressObserver(ProgressTask task) : IRunObserver
{
    private int _done;

    public void Planned(int probeCount) => task.MaxValue = Math.Max(1, probeCount);

    public void ProbeStarted(string probe, string component) => task.Description = Markup.Escape($"{probe} → {component}");

    public void ProbeFinished(Observation observation)
    {
        var done = Interlocked.Increment(ref _done);
        task.Value = done;
        task.Description = Markup.Escape($"{done}/{task.MaxValue:0} probes");
    }
}
