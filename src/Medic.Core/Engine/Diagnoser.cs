using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Core.Runbooks;
using Medic.Core.Systems;

namespace Medic.Core.Engine;

/// <summary>Plan, execute, evaluate: one diagnosis of one system, from live probes or from stored observations.</summary>
public sealed class Diagnoser(ProbeRegistry probes, TimeProvider time, IObservationSource? source = null)
{
    public async Task<Diagnosis> RunAsync(
        SystemDefinition system,
        IReadOnlyList<Runbook> runbooks,
        DiagnoseOptions options,
        IRunObserver? observer = null,
        CancellationToken cancellationToken = default)
    {
        var started = time.GetUtcNow();
        var t0 = time.GetTimestamp();
        var plan = new Planner(probes).Build(system, runbooks, options);
        var observations = await new ProbeExecutor(time, source).RunAsync(plan.Invocations, options, observer ?? NullRunObserver.Instance, cancellationToken)
            .ConfigureAwait(false);
        var (findings, warnings) = FindingEvaluator.Evaluate(plan.Instances, i => observations.GetValueOrDefault(i.Key), system.Secrets);
        var ordered = plan.Invocations.Select(i => observations[i.Key]).ToList();
        var report = new Report(system.Name, started, Math.Round(time.GetElapsedTime(t0).TotalMilliseconds, 1),
            Summarize(findings, ordered), findings, ordered);
        return new Diagnosis(report, plan.Skipped, warnings);
    }

    public static ReportSummary Summarize(IReadOnlyList<Finding> findings, IReadOnlyList<Observation> observations) => new(
        findings.Count(f => f.Severity == Severity.Critical),
        findings.Count(f => f.Severity == Severity.Error),
        findings.Count(f => f.Severity == Severity.Warning),
        findings.Count(f => f.Severity == Severity.Info),
        observations.Count,
        observations.Count(o => o.Status != ObservationStatus.Ok));
}
