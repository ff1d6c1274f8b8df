using Medic.Core.Model;

namespace Medic.Knowledge.RunbookTests;

public sealed record RunbookTestResult(RunbookTestCase Case, IReadOnlyList<string> Actual, IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0;

    public InputError ToError() => new(Case.Position, $"runbook test '{Case.Name}' failed: {string.Join("; ", Problems)}");
}
