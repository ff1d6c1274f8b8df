using Medic.Core.Engine;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Core.Runbooks;
using Medic.Core.Systems;

namespace Medic.Knowledge.RunbookTests;

/// <summary>Evaluates a runbook's causes on fixture observations, the way a live run would, and compares cause IDs.</summary>
public sealed class RunbookTestRunner(ProbeRegistry probes)
{
    public IReadOnlyList<RunbookTestResult> Run(IReadOnlyList<Runbook> runbooks, IEnumerable<RunbookTestCase> cases) =>
        [.. cases.Select(c => Run(runbooks, c))];

    public RunbookTestResult Run(IReadOnlyList<Runbook> runbooks, RunbookTestCase testCase)
    {
        var runbook = runbooks.FirstOrDefault(r => r.Id == testCase.RunbookId);
        if (runbook is null)
        {
            return new RunbookTestResult(testCase, [], [$"no runbook '{testCase.RunbookId}' is loaded"]);
        }

        var problems = new List<string>();
        foreach (var unknown in testCase.Observations.Keys.Where(k => runbook.Checks.All(c => c.Name != k)))
        {
            problems.Add($"'{unknown}' is not a check of {runbook.Id}");
        }

        var component = new Component("fixture", runbook.AppliesTo[0], testCase.ComponentSettings, Path.GetTempPath(), testCase.Position);
        var byInvocation = new Dictionary<ProbeInvocation, Observation>(ReferenceEqualityComparer.Instance);
        var checks = new Dictionary<string, ProbeInvocation?>(StringComparer.Ordinal);
        foreach (var check in runbook.Checks)
        {
            var invocation = new ProbeInvocation(probes.Find(check.Probe)!, component, check.Args, TimeSpan.FromSeconds(1));
            checks[check.Name] = invocation;
            if (testCase.Observations.TryGetValue(check.Name, out var o))
            {
                byInvocation[invocation] = o;
            }
        }

        var instance = new RunbookInstance(runbook, component, checks);
        var (findings, warnings) = FindingEvaluator.Evaluate([instance], i => byInvocation.GetValueOrDefault(i), SecretSet.Empty);
        problems.AddRange(warnings.Select(w => $"{w.Cause}: {w.Message}"));
        var actual = findings.Select(f => f.Cause).ToList();
        if (!actual.Order(StringComparer.Ordinal).SequenceEqual(testCase.Expected.Order(StringComparer.Ordinal)))
        {
            problems.Add($"expected [{string.Join(", ", testCase.Expected)}], got [{string.Join(", ", actual)}]");
        }

        return new RunbookTestResult(testCase, actual, problems);
    }
}
