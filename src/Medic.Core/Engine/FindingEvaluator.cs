using Medic.Core.Conditions;
using Medic.Core.Model;

namespace Medic.Core.Engine;

/// <summary>Evaluates every cause of every runbook instance over the observations and returns the findings, ranked (<see cref="FindingRanker"/>).</summary>
public static class FindingEvaluator
{
    public static (IReadOnlyList<Finding> Findings, IReadOnlyList<EvaluationWarning> Warnings) Evaluate(
        IReadOnlyList<RunbookInstance> instances,
        Func<ProbeInvocation, Observation?> lookup,
        SecretSet secrets)
    {
        var findings = new List<RankedFinding>();
        var warnings = new List<EvaluationWarning>();
        var order = 0;
        foreach (var instance in instances)
        {
            var scope = new InstanceScope(instance, lookup, secrets);
            foreach (var cause in instance.Runbook.Causes.Where(c => !c.Manual))
            {
                order++;
                bool holds;
                try
                {
                    holds = cause.When.Evaluate(scope).AsBool() ?? throw new ConditionException(new ConditionError(1, 1, "the condition is not true/false"));
                }
                catch (ConditionException e)
                {
                    warnings.Add(new EvaluationWarning(instance.Runbook.Id, cause.Id, instance.Subject.Name,
                        $"{cause.Position.File}: condition {e.Error.Line}:{e.Error.Column}: {e.Error.Message}"));
                    continue;
                }

                if (!holds)
                {
                    continue;
                }

                var evidence = cause.When.Paths
                    .Where(p => p.Root != ComponentScope.Root && instance.Checks.TryGetValue(p.Root, out var inv) && inv is not null)
                    .Select(p => new Evidence(instance.Checks[p.Root]!.Probe.Name, p.Text, p.Evaluate(scope).ToJson()))
                    .ToList();
                var finding = new Finding(
                    instance.Runbook.Id,
                    cause.Id,
                    cause.Severity,
                    cause.Confidence,
                    instance.Subject.Name,
                    cause.Title.Text.Length > 0 ? secrets.Scrub(cause.Title.Render(scope).Trim()) : instance.Runbook.Title,
                    secrets.Scrub(cause.Explanation.Render(scope).Trim()),
                    evidence,
                    secrets.Scrub(cause.Fix.Render(scope).Trim()),
                    cause.Refs);
                findings.Add(new RankedFinding(finding, order, cause.Supersedes, instance.Runbook.AppliesTo.Count > 0 ? instance.Runbook.AppliesTo[0] : ""));
            }
        }

        return (FindingRanker.Rank(findings), warnings);
    }
}
