using System.Collections.Concurrent;
using Medic.Core.Engine;
using Medic.Core.Model;
using Medic.Server.Store;

namespace Medic.Server.Metrics;

/// <summary>
/// The server's own telemetry. Runs, run and probe durations and probe errors are counted from each recorded run
/// (since this process started); open findings and the store size are read from the store at scrape time.
/// </summary>
public sealed class ServerMetrics
{
    private readonly HistoryStore _store;
    private readonly Func<int> _runFailures;
    private readonly ConcurrentDictionary<string, long> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Histogram> _runDurations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string System, string Component, string Probe), Histogram> _probeDurations = new();
    private readonly ConcurrentDictionary<(string Probe, string Kind), long> _probeErrors = new();

    public ServerMetrics(HistoryStore store, Func<int> runFailures)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _runFailures = runFailures;
        store.Recorded += Count;
    }

    public void Count(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _runs.AddOrUpdate(report.System, 1, (_, n) => n + 1);
        _runDurations.GetOrAdd(report.System, _ => new Histogram(Histogram.RunBounds)).Observe(report.DurationMs / 1000);
        foreach (var o in report.Observations)
        {
            _probeDurations.GetOrAdd((report.System, o.Component, o.Probe), _ => new Histogram(Histogram.ProbeBounds)).Observe(o.DurationMs / 1000);
            if (o.Status != ObservationStatus.Ok)
            {
                _probeErrors.AddOrUpdate((o.Probe, o.Error?.Kind ?? ObservationJson.StatusName(o.Status)), 1, (_, n) => n + 1);
            }
        }
    }

    public string Render()
    {
        var text = new PrometheusText();
        text.Family("medic_open_findings", "gauge", "Open findings by system, cause and severity.");
        foreach (var g in _store.Findings(status: StoredFinding.Open).GroupBy(f => (f.System, f.Cause, f.Severity)).OrderBy(g => g.Key))
        {
            text.Sample("medic_open_findings", [("system", g.Key.System), ("cause", g.Key.Cause), ("severity", g.Key.Severity)], g.Count());
        }

        text.Family("medic_runs_total", "counter", "Diagnosis runs recorded by this process, by system.");
        foreach (var (system, n) in _runs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Sample("medic_runs_total", [("system", system)], n);
        }

        text.Family("medic_run_failures_total", "counter", "Scheduled runs that failed before producing a report.");
        text.Sample("medic_run_failures_total", [], _runFailures());

        text.Family("medic_run_duration_seconds", "histogram", "Duration of diagnosis runs, by system.");
        foreach (var (system, h) in _runDurations.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Histogram("medic_run_duration_seconds", [("system", system)], h.Snapshot());
        }

        text.Family("medic_probe_duration_seconds", "histogram", "Duration of probe invocations, by system, component and probe.");
        foreach (var (key, h) in _probeDurations.OrderBy(p => p.Key))
        {
            text.Histogram("medic_probe_duration_seconds", [("system", key.System), ("component", key.Component), ("probe", key.Probe)], h.Snapshot());
        }

        text.Family("medic_probe_errors_total", "counter", "Probe invocations that ended in an error or timeout, by probe and error kind.");
        foreach (var (key, n) in _probeErrors.OrderBy(p => p.Key))
        {
            text.Sample("medic_probe_errors_total", [("probe", key.Probe), ("kind", key.Kind)], n);
        }

        text.Family("medic_store_size_bytes", "gauge", "Size of the history store on disk (database and write-ahead log).");
        text.Sample("medic_store_size_bytes", [], _store.SizeBytes);
        return text.ToString();
    }
}
