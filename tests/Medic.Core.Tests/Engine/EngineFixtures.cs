using System.Text.Json.Nodes;
using Medic.Core.Engine;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Core.Runbooks;
using Medic.Core.Systems;

namespace Medic.Core.Tests.Engine;

internal static class EngineFixtures
{
    public static Component Component(string name, string kind = "tcp") =>
        new(name, kind, [], "/tmp", new SourcePosition("medic.yaml", 1, 1));

    public static ProbeInvocation Invoke(IProbe probe, Component component, TimeSpan? timeout = null, int n = 0) =>
        new(probe, component, new JsonObject { ["n"] = n }, timeout ?? TimeSpan.FromSeconds(5));

    public static Runbook Runbook(string id, string pack, params Check[] checks) =>
        new(id, id, pack, ["tcp"], "", [], checks, [], new SourcePosition("rb.yaml", 1, 1));

    public static Check Check(string name, string probe, JsonObject? args = null) =>
        new(name, probe, null, args ?? [], null, false, new SourcePosition("rb.yaml", 2, 1));

    public static Task<ProbeResult> Ok() => Task.FromResult(ProbeResult.Ok(new JsonObject { ["fine"] = true }));

    /// <summary>Waits until an observer has seen <paramref name="count"/> probes start.</summary>
    public sealed class StartCounter : IRunObserver
    {
        private readonly object _gate = new();
        private int _started;
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _target = int.MaxValue;

        public Task WhenStarted(int count)
        {
            lock (_gate)
            {
                _target = count;
                if (_started >= count)
                {
                    _reached.TrySetResult();
                }

                return _reached.Task;
            }
        }

        public void Planned(int probeCount)
        {
        }

        public void ProbeStarted(string probe, string component)
        {
            lock (_gate)
            {
                if (++_started >= _target)
                {
                    _reached.TrySetResult();
                }
            }
        }

        public void ProbeFinished(Observation observation)
        {
        }
    }
}
