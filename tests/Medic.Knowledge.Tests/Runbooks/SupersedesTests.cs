using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Knowledge.Runbooks;
using Medic.Probes;
using Shouldly;
using Xunit;

namespace Medic.Knowledge.Tests.Runbooks;

public sealed class SupersedesTests
{
    private static readonly RunbookLoader Loader = new(
        new ProbeRegistry([new DeclaredProbe("sqlite.locks", ["sqlite"])]),
        BuiltInKinds.Registry());

    private const string Specific = """
        id: pma.database-locked
        title: Database is locked
        applies_to: [sqlite]
        checks:
          locks: { probe: sqlite.locks }
        causes:
          - id: long-running-transaction
            when: locks.data.write_locked
            supersedes: [sqlite.database-locked/lock-held-by-other-process, sqlite.corrupt]
            explanation: x
            fix: y
        """;

    [Fact]
    public void Supersedes_entries_are_read_as_runbook_or_runbook_slash_cause_ids()
    {
        var runbook = Loader.Load([new RunbookSource("pma", "rb.yaml", Specific)]).Single();

        runbook.Causes.Single().Supersedes.ShouldBe(["sqlite.database-locked/lock-held-by-other-process", "sqlite.corrupt"]);
    }

    [Fact]
    public void A_malformed_entry_is_an_error_at_its_position()
    {
        var yaml = Specific.Replace("sqlite.corrupt]", "Not An Id]", StringComparison.Ordinal);

        var errors = Should.Throw<InputException>(() => Loader.Load([new RunbookSource("pma", "rb.yaml", yaml)])).Errors;

        errors.Single().ToString().ShouldBe(
            "rb.yaml:9:69: supersedes entry 'Not An Id' must be a runbook id or runbook-id/cause-id, e.g. 'sqlite.database-locked/journal-not-wal'");
    }

    [Fact]
    public void A_manual_cause_cannot_supersede()
    {
        var yaml = Specific.Replace("when: locks.data.write_locked", "manual: true", StringComparison.Ordinal);

        var errors = Should.Throw<InputException>(() => Loader.Load([new RunbookSource("pma", "rb.yaml", yaml)])).Errors;

        errors.ShouldContain(e => e.Message == "a manual cause never becomes a finding, so it supersedes nothing");
    }

    [Fact]
    public void Every_built_in_supersedes_entry_names_a_detectable_cause_of_another_runbook()
    {
        var runbooks = new RunbookLoader(BuiltInProbes.Registry(), BuiltInKinds.Registry()).Load(PackSources.Embedded());
        var known = runbooks.SelectMany(r => r.Causes.Where(c => !c.Manual).Select(c => $"{r.Id}/{c.Id}").Append(r.Id)).ToHashSet(StringComparer.Ordinal);

        var entries = runbooks.SelectMany(r => r.Causes.SelectMany(c => c.Supersedes.Select(s => (Owner: $"{r.Id}/{c.Id}", Entry: s)))).ToList();

        entries.ShouldNotBeEmpty();
        entries.Where(e => !known.Contains(e.Entry)).Select(e => $"{e.Owner} -> {e.Entry}").ShouldBeEmpty();
        entries.ShouldAllBe(e => !e.Entry.StartsWith(e.Owner.Split('/', 2)[0] + "/", StringComparison.Ordinal) && e.Entry != e.Owner.Split('/', 2)[0]);
    }
}
