using Medic.Core.Model;
using Medic.Core.Reports;
using Medic.Server.Store;

namespace Medic.Server.Alerts;

/// <summary>
/// Turns each recorded run into the alerts it implies under <see cref="AlertRules"/>. State is per finding key
/// (system, component, runbook, cause) and kept in memory; <see cref="Seed"/> restores it from the store's open findings
/// after a restart so an already-announced finding is not announced again.
/// </summary>
public sealed class AlertPolicy(AlertRules rules)
{
    private readonly Dictionary<string, FindingTrack> _tracks = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Marks open findings from the history as present (and announced when they already held long enough).</summary>
    public void Seed(IEnumerable<StoredFinding> open)
    {
        lock (_gate)
        {
            foreach (var f in open)
            {
                var t = Track(Key(f.System, f.Component, f.Runbook, f.Cause));
                t.Present = true;
                t.Consecutive = f.RunCount;
                t.Announced = f.RunCount >= rules.After;
                t.Last = new AlertEvent(AlertEvent.Opened, f.System, f.Component, f.Runbook, f.Cause, f.Severity, f.Title, "", f.LastSeen, f.RunCount);
            }
        }
    }

    public IReadOnlyList<AlertEvent> Observe(Report report)
    {
        lock (_gate)
        {
            var now = report.Started;
            var present = new Dictionary<string, Finding>(StringComparer.Ordinal);
            foreach (var f in report.Findings)
            {
                present.TryAdd(Key(report.System, f.Component, f.Runbook, f.Cause), f);
            }

            var prefix = report.System + "\u001f";
            var keys = _tracks.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Union(present.Keys).ToList();
            var events = new List<AlertEvent>();
            foreach (var key in keys)
            {
                var t = Track(key);
                var isPresent = present.TryGetValue(key, out var finding);
                if (finding is not null)
                {
                    t.Last = Describe(AlertEvent.Opened, report.System, finding, now, 0);
                }

                Step(t, isPresent, now, events);
                if (!t.Present && !t.Announced && !t.Flapping && t.Changes.Count == 0)
                {
                    _tracks.Remove(key);
                }
            }

            return events;
        }
    }

    private void Step(FindingTrack t, bool isPresent, DateTimeOffset now, List<AlertEvent> events)
    {
        if (isPresent != t.Present)
        {
            t.Changes.Enqueue(now);
            t.Present = isPresent;
            t.Consecutive = 0;
        }

        t.Consecutive++;
        while (t.Changes.Count > 0 && now - t.Changes.Peek() > rules.FlapWindow)
        {
            t.Changes.Dequeue();
        }

        if (t.Flapping)
        {
            if (t.Changes.Count > 0)
            {
                return;
            }

            // Settled: announce the state it settled in, whatever was said before the flapping alert.
            t.Flapping = false;
            t.Announced = !t.Present;
        }
        else if (t.Changes.Count > rules.FlapLimit)
        {
            t.Flapping = true;
            events.Add(t.Last! with { Event = AlertEvent.Flapping, At = now, Runs = t.Changes.Count });
            return;
        }

        if (t.Present && !t.Announced && t.Consecutive >= rules.After)
        {
            t.Announced = true;
            events.Add(t.Last! with { Event = AlertEvent.Opened, At = now, Runs = t.Consecutive });
        }
        else if (!t.Present && t.Announced)
        {
            t.Announced = false;
            events.Add(t.Last! with { Event = AlertEvent.Resolved, At = now, Runs = t.Consecutive });
        }
    }

    private FindingTrack Track(string key)
    {
        if (!_tracks.TryGetValue(key, out var t))
        {
            t = new FindingTrack();
            _tracks[key] = t;
        }

        return t;
    }

    private static AlertEvent Describe(string kind, string system, Finding f, DateTimeOffset at, int runs) =>
        new(kind, system, f.Component, f.Runbook, f.Cause, SeverityNames.Of(f.Severity), f.Title, f.Fix, at, runs);

    private static string Key(string system, string component, string runbook, string cause) =>
        string.Join('\u001f', system, component, runbook, cause);

    private sealed class FindingTrack
    {
        public bool Present { get; set; }

        public int Consecutive { get; set; }

        public bool Announced { get; set; }

        public bool Flapping { get; set; }

        public Queue<DateTimeOffset> Changes { get; } = new();

        public AlertEvent? Last { get; set; }
    }
}
