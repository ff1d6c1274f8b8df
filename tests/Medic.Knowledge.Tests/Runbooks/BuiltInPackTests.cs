using Medic.Knowledge.Runbooks;
using Medic.Knowledge.RunbookTests;
using Medic.Probes;
using Shouldly;
using Xunit;

namespace Medic.Knowledge.Tests.Runbooks;

public sealed class BuiltInPackTests
{
    private static readonly IReadOnlyList<RunbookSource> Sources = PackSources.Embedded();

    [Fact]
    public void Every_built_in_runbook_loads_with_the_real_probes()
    {
        var runbooks = new RunbookLoader(BuiltInProbes.Registry(), BuiltInKinds.Registry()).Load(Sources);

        runbooks.Select(r => r.Pack).Distinct().ShouldBe(["config", "host", "http", "sqlite", "tcp"], ignoreOrder: true);
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
    public void Every_runbook_with_causes_has_fixture_cases_that_expect_each_of_them_somewhere()
    {
        var runbooks = new RunbookLoader(BuiltInProbes.Registry(), BuiltInKinds.Registry()).Load(Sources);
        var cases = RunbookTestLoader.Load(Sources);
        var tested = runbooks.Where(r => cases.Any(c => c.RunbookId == r.Id)).ToList();

        tested.ShouldNotBeEmpty();
        foreach (var r in tested)
        {
            var expected = cases.Where(c => c.RunbookId == r.Id).SelectMany(c => c.Expected).ToHashSet();
            expected.ShouldBeSubsetOf(r.Causes.Select(c => c.Id));
        }
    }
}
