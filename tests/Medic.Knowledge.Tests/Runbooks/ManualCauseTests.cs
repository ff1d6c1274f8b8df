using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Knowledge.Runbooks;
using Medic.Probes;
using Shouldly;
using Xunit;

namespace Medic.Knowledge.Tests.Runbooks;

public sealed class ManualCauseTests
{
    private static readonly RunbookLoader Loader = new(
        new ProbeRegistry([new DeclaredProbe("sqlite.locks", ["sqlite"])]),
        BuiltInKinds.Registry());

    private const string KnowledgeOnly = """
        id: pma.high-memory
        title: High memory use
        applies_to: [sqlite]
        causes:
          - id: cache-growth
            manual: true
            explanation: The in-memory cache grows without bound.
            fix: Lower the cache size.
        """;

    [Fact]
    public void A_runbook_whose_causes_are_all_manual_needs_no_checks()
    {
        var runbook = Loader.Load([new RunbookSource("pma", "rb.yaml", KnowledgeOnly)]).Single();

        runbook.Checks.ShouldBeEmpty();
        runbook.Causes.Single().Manual.ShouldBeTrue();
    }

    [Fact]
    public void A_runbook_with_a_detectable_cause_still_needs_checks()
    {
        var yaml = KnowledgeOnly + """

              - id: locked
                when: "true"
                explanation: x
                fix: y
            """;

        var errors = Should.Throw<InputException>(() => Loader.Load([new RunbookSource("pma", "rb.yaml", yaml)])).Errors;

        errors.ShouldContain(e => e.Message.Contains("checks", StringComparison.Ordinal));
    }

    [Fact]
    public void A_manual_cause_with_a_condition_is_an_error_at_the_condition()
    {
        var yaml = KnowledgeOnly.Replace("manual: true", "manual: true\n    when: 'true'", StringComparison.Ordinal);

        var errors = Should.Throw<InputException>(() => Loader.Load([new RunbookSource("pma", "rb.yaml", yaml)])).Errors;

        errors.Single().ToString().ShouldBe("rb.yaml:7:11: a manual cause has no 'when': it cannot be told from probe evidence");
    }
}
