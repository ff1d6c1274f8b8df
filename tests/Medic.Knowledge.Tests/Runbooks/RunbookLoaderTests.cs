using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Knowledge.Runbooks;
using Medic.Probes;
using Shouldly;
using Xunit;

namespace Medic.Knowledge.Tests.Runbooks;

public sealed class RunbookLoaderTests
{
    private static readonly RunbookLoader Loader = new(
        new ProbeRegistry([
            new DeclaredProbe("sqlite.pragma", ["sqlite"], new ProbeParameter("check", ParameterType.String)),
            new DeclaredProbe("sqlite.locks", ["sqlite"]),
            new DeclaredProbe("http.get", ["http"], new ProbeParameter("path", ParameterType.String)),
        ]),
        BuiltInKinds.Registry());

    private const string Valid = """
        id: sqlite.database-locked
        title: Locked
        applies_to: [sqlite]
        checks:
          pragma: { probe: sqlite.pragma, args: { check: none } }
          locks: { probe: sqlite.locks }
        causes:
          - id: journal-not-wal
            title: "Mode is {pragma.data.journal_mode}"
            when: pragma.data.journal_mode != 'wal' and locks.data.write_locked
            severity: warning
            explanation: "journal_mode={pragma.data.journal_mode}"
            fix: Switch to WAL.
        """;

    private static IReadOnlyList<InputError> Errors(string yaml, string path = "rb.yaml") =>
        Should.Throw<InputException>(() => Loader.Load([new RunbookSource("sqlite", path, yaml)])).Errors;

    [Fact]
    public void Loads_a_valid_runbook()
    {
        var runbook = Loader.Load([new RunbookSource("sqlite", "rb.yaml", Valid)]).Single();

        runbook.Id.ShouldBe("sqlite.database-locked");
        runbook.Pack.ShouldBe("sqlite");
        runbook.Checks.Select(c => c.Name).ShouldBe(["pragma", "locks"]);
        runbook.Causes.Single().Severity.ShouldBe(Severity.Warning);
        runbook.Causes.Single().When.Roots.Select(r => r.Name).Distinct().ShouldBe(["pragma", "locks"]);
    }

    [Fact]
    public void An_unknown_probe_is_named_with_a_suggestion()
    {
        var errors = Errors(Valid.Replace("probe: sqlite.locks", "probe: sqlite.lock", StringComparison.Ordinal));

        errors.Single().ToString().ShouldBe("rb.yaml:6:19: unknown probe 'sqlite.lock' (did you mean 'sqlite.locks'?)");
    }

    [Fact]
    public void An_unknown_check_in_a_condition_points_into_the_condition()
    {
        var errors = Errors(Valid.Replace("and locks.data", "and lock.data", StringComparison.Ordinal));

        errors.Single().ToString().ShouldBe("rb.yaml:10:49: unknown check 'lock' in condition (did you mean 'locks'?)");
    }

    [Fact]
    public void A_syntax_error_in_a_block_condition_points_at_its_line_in_the_file()
    {
        var yaml = Valid.Replace(
            "    when: pragma.data.journal_mode != 'wal' and locks.data.write_locked",
            "    when: >-\n      pragma.data.journal_mode != 'wal'\n      and (locks.data.write_locked",
            StringComparison.Ordinal);

        var error = Errors(yaml).Single();

        error.Position.Line.ShouldBeInRange(11, 12);
        error.Message.ShouldStartWith("in condition:");
    }

    [Fact]
    public void A_syntax_error_in_an_explanation_template_is_positioned()
    {
        var errors = Errors(Valid.Replace("explanation: \"journal_mode={pragma.data.journal_mode}\"", "explanation: \"mode={pragma.data.journal_mode\"", StringComparison.Ordinal));

        errors.Single().Position.Line.ShouldBe(12);
        errors.Single().Message.ShouldStartWith("in explanation:");
    }

    [Fact]
    public void Unknown_fields_arguments_kinds_and_severities_are_all_reported()
    {
        var yaml = """
            id: sqlite.x
            title: X
            applies_to: [sqlitee]
            colour: red
            checks:
              pragma: { probe: sqlite.pragma, args: { mode: fast } }
              web: { probe: http.get }
            causes:
              - id: a
                when: pragma.status == 'ok'
                severity: urgent
                explanation: x
                fix: y
            """;

        var messages = Errors(yaml).Select(e => e.ToString()).ToList();

        messages.ShouldContain("rb.yaml:3:14: unknown component kind 'sqlitee' (did you mean 'sqlite'?)");
        messages.ShouldContain("rb.yaml:4:1: unknown runbook field 'colour' (expected one of: id, title, applies_to, description, symptoms, checks, causes, refs)");
        messages.ShouldContain("rb.yaml:6:43: unknown argument for probe 'sqlite.pragma' 'mode' (expected one of: check)");
        messages.ShouldContain("rb.yaml:11:15: severity 'urgent' must be one of: critical, error, warning, info");
    }

    [Fact]
    public void A_probe_used_on_a_kind_it_does_not_examine_is_an_error()
    {
        var errors = Errors(Valid.Replace("locks: { probe: sqlite.locks }", "locks: { probe: http.get }", StringComparison.Ordinal));

        errors.Single().Message.ShouldBe("probe 'http.get' does not examine 'sqlite' components (it examines: http)");
    }

    [Fact]
    public void Duplicate_runbook_ids_across_files_name_both_places()
    {
        var errors = Should.Throw<InputException>(() => Loader.Load([
            new RunbookSource("sqlite", "a.yaml", Valid),
            new RunbookSource("sqlite", "b.yaml", Valid),
        ])).Errors;

        errors.Single().ToString().ShouldBe("b.yaml:1:1: duplicate runbook id 'sqlite.database-locked' (first defined at a.yaml:1:1)");
    }

    [Fact]
    public void Duplicate_cause_ids_are_errors()
    {
        var twice = Valid + "\n" + string.Join("\n", Valid.Split('\n').Skip(7));

        Errors(twice).ShouldContain(e => e.Message == "duplicate cause id 'journal-not-wal' in this runbook");
    }

    [Fact]
    public void Errors_from_several_files_are_collected_together()
    {
        var errors = Should.Throw<InputException>(() => Loader.Load([
            new RunbookSource("sqlite", "a.yaml", "id: [unclosed\n"),
            new RunbookSource("sqlite", "b.yaml", Valid.Replace("probe: sqlite.locks", "probe: nope", StringComparison.Ordinal)),
        ])).Errors;

        errors.Select(e => e.Position.File).ShouldBe(["a.yaml", "b.yaml"]);
    }
}
