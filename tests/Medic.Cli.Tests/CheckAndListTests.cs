using Shouldly;
using Xunit;

namespace Medic.Cli.Tests;

public sealed class CheckAndListTests
{
    private static string RepoRunbooks()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Medic.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "runbooks");
    }

    [Fact]
    public async Task Check_accepts_the_built_in_packs_and_runs_their_fixture_cases()
    {
        var run = await CliRun.RunAsync("check", RepoRunbooks());

        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stdout.ShouldMatch(@"ok: .*runbooks \(\d+ runbooks, \d+ fixture cases pass\)");
    }

    [Fact]
    public async Task Check_reports_a_fixture_case_that_fails_at_its_position()
    {
        using var folder = new TempFolder();
        folder.Write("p/refused.yaml", """
            id: p.refused
            title: Refused
            applies_to: [tcp]
            checks:
              c: { probe: tcp.connect }
            causes:
              - id: refused
                title: refused
                when: c.error.kind == 'connection_refused'
                severity: error
                explanation: nothing listens
                fix: start it
            """);
        folder.Write("p/refused.tests.yaml", """
            runbook: p.refused
            cases:
              - name: wrongly expects nothing
                observations:
                  c: { status: error, error: { kind: connection_refused, message: refused } }
                expect: []
            """);

        var run = await CliRun.RunAsync("check", folder.Path);

        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldMatch(@"refused\.tests\.yaml:3:\d+: error: runbook test 'wrongly expects nothing' failed: expected \[\], got \[refused\]");
    }

    [Fact]
    public async Task Check_validates_a_system_file()
    {
        using var folder = new TempFolder();
        var file = folder.Write("medic.yaml", "system: shop\ncomponents:\n  api: { kind: http, url: 'http://127.0.0.1:1' }\n");

        var run = await CliRun.RunAsync("check", file);

        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stdout.ShouldContain("system 'shop', 1 components");
    }

    [Fact]
    public async Task Runbooks_lists_the_built_in_packs()
    {
        var run = await CliRun.RunAsync("runbooks");

        run.ExitCode.ShouldBe(0, run.Stderr);
        run.Stdout.ShouldContain("sqlite.database-locked");
        run.Stdout.ShouldContain("http.unhealthy");
        run.Stdout.ShouldContain("host.port-in-use");
    }
}
