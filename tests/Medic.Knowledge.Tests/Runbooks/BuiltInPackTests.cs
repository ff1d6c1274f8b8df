using Medic.Knowledge.Runbooks;
using Medic.Knowledge.RunbookTests;
using Medic.Probes;
using Shouldly;
using Xunit;

namespace Medic.Knowledge.Tests.Runbooks;

public sealed class BuiltInPackTests
{
    private static readonly IReadOnlyList<RunbookSource> Sources = PackSources.Embedded();

    private static readonly string[] SeedPacks = ["pma", "codeai", "ariesone", "webmacs", "harmonylite"];

    [Fact]
    public void Every_built_in_runbook_loads_with_the_real_probes()
    {
        var runbooks = new RunbookLoader(BuiltInProbes.Registry(), BuiltInKinds.Registry()).Load(Sources);

        var packs = runbooks.Select(r => r.Pack).Distinct().ToList();
        packs.ShouldContain("sqlite");
        packs.ShouldContain("postgres");
        // Generic packs are named after the component kind they diagnose; seed packs after their system.
        packs.ShouldBeSubsetOf(BuiltInKinds.All.Select(k => k.Name).Concat(SeedPacks));
        runbooks.Select(r => r.Id).ShouldContain("sqlite.database-locked");
        runbooks.ShouldAllBe(r => r.Id.StartsWith(r.Pack + ".", StringComparison.Ordinal));
    }

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in RunbookTestLoader.Load(Sources))
        {
            data.Add($"{c.RunbookId} :: {c.Name}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Runbook_fixture_case_holds(string name)
    {
        var runbooks = new RunbookLoader(BuiltInProbes.Registry(), BuiltInKinds.Registry()).Load(Sources);
        var testCase = RunbookTestLoader.Load(Sources).Single(c => $"{c.RunbookId} :: {c.Name}" == name);

        var result = new RunbookTestRunner(BuiltInProbes.Registry()).Run(runbooks, testCase);

        result.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Every_built_in_runbook_has_fixture_cases_for_each_cause_and_for_a_healthy_system()
    {
        var runbooks = new RunbookLoader(BuiltInProbes.Registry(), BuiltInKinds.Registry()).Load(Sources);
        var cases = RunbookTestLoader.Load(Sources);

        foreach (var r in runbooks.Where(r => r.Causes.Any(c => !c.Manual)))
        {
            var mine = cases.Where(c => c.RunbookId == r.Id).ToList();
            mine.ShouldContain(c => c.Expected.Count == 0, $"{r.Id} has no case where nothing holds");
            var expected = mine.SelectMany(c => c.Expected).ToHashSet();
            r.Causes.Where(c => !c.Manual).Select(c => c.Id).ShouldBeSubsetOf(expected, $"{r.Id}: some causes are never expected by a fixture case");
            expected.ShouldBeSubsetOf(r.Causes.Select(c => c.Id));
        }
    }
}
