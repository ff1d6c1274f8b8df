using Shouldly;
using Xunit;

namespace Medic.Cli.Tests;

public sealed class InputErrorTests
{
    [Fact]
    public async Task An_invalid_system_file_names_every_error_with_its_position_and_exits_2()
    {
        using var folder = new TempFolder();
        var file = folder.Write("medic.yaml", """
            system: shop
            components:
              api:
                kind: htp
                url: http://127.0.0.1:1
              db:
                kind: sqlite
              cache:
                kind: http
                url: "not a url"
            """);

        var run = await CliRun.RunAsync("diagnose", "-f", file);

        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("medic.yaml:4:11: error: unknown component kind 'htp'");
        run.Stderr.ShouldMatch(@"medic\.yaml:7:5: error: .*path");
        run.Stderr.ShouldMatch(@"medic\.yaml:10:10: error: .*URL");
        run.Stderr.ShouldNotContain("   at ");
        run.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unset_variable_is_an_input_error_at_its_position()
    {
        using var folder = new TempFolder();
        var file = folder.Write("medic.yaml", """
            system: shop
            components:
              api:
                kind: http
                url: http://127.0.0.1:1
                headers:
                  Authorization: "Bearer ${MEDIC_TEST_SURELY_UNSET_TOKEN}"
            """);

        var run = await CliRun.RunAsync("diagnose", "-f", file);

        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldMatch(@"medic\.yaml:7:\d+: error: .*MEDIC_TEST_SURELY_UNSET_TOKEN");
    }

    [Fact]
    public async Task A_runbook_folder_with_errors_reports_each_with_its_position_and_exits_2()
    {
        using var folder = new TempFolder();
        folder.Write("extra/broken.yaml", """
            id: extra.broken
            title: Broken
            applies_to: [http]
            checks:
              health: { probe: http.gett }
            causes:
              - id: bad-syntax
                title: x
                when: health.data.status_code >= 
                severity: error
                fix: none
              - id: unknown-check
                title: y
                when: helth.status == 'error'
                severity: error
                fix: none
            """);
        var system = folder.Write("medic.yaml", "system: shop\ncomponents:\n  api: { kind: http, url: 'http://127.0.0.1:1' }\n");

        var run = await CliRun.RunAsync("diagnose", "-f", system, "--runbooks", Path.Combine(folder.Path, "extra"));

        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldMatch(@"broken\.yaml:5:\d+: error: .*http\.gett");
        run.Stderr.ShouldMatch(@"broken\.yaml:9:\d+: error: ");
        run.Stderr.ShouldMatch(@"broken\.yaml:14:11: error: .*helth");
        run.Stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task A_missing_system_file_exits_2_with_its_name()
    {
        var run = await CliRun.RunAsync("diagnose", "-f", "/nonexistent/medic.yaml");

        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("/nonexistent/medic.yaml");
    }

    [Theory]
    [InlineData("diagnose", "--no-such-flag")]
    [InlineData("no-such-command")]
    [InlineData("diagnose", "-f", "x.yaml", "--format", "xml")]
    [InlineData("diagnose", "-f", "x.yaml", "--timeout", "soon")]
    public async Task Bad_usage_exits_2(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldNotBeEmpty();
        run.Stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Version_and_help_exit_0()
    {
        (await CliRun.RunAsync("--version")).ExitCode.ShouldBe(0);
        var help = await CliRun.RunAsync("--help");
        help.ExitCode.ShouldBe(0);
        help.Stdout.ShouldContain("diagnose");
        help.Stdout.ShouldContain("demo");
    }
}
