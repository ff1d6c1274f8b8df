using System.Text.Json.Nodes;
using Shouldly;
using Xunit;

namespace Medic.Cli.Tests;

public sealed class DemoTests
{
    [Fact]
    public async Task Demo_finds_the_five_planted_faults_and_exits_1()
    {
        var run = await CliRun.RunAsync("demo", "--format", "json");

        run.ExitCode.ShouldBe(1, run.Stderr);
        var report = JsonNode.Parse(run.Stdout)!.AsObject();
        var findings = report["findings"]!.AsArray().Select(f => f!.AsObject()).ToList();
        string Explanation(string cause) => findings.Single(f => (string)f["cause"]! == cause)["explanation"]!.ToString();
        var causes = findings.Select(f => $"{f["runbook"]}/{f["cause"]}").ToList();

        causes.ShouldContain("sqlite.database-locked/journal-not-wal");
        causes.ShouldContain("sqlite.database-locked/lock-held-by-other-process");
        causes.ShouldContain("http.unhealthy/check-failing");
        causes.ShouldContain("config.missing-required-key/missing-key");
        causes.ShouldContain("host.port-in-use/held-by-other-process");

        var holderPid = findings.Single(f => (string)f["cause"]! == "lock-held-by-other-process")["evidence"]!.AsArray()
            .Single(e => (string)e!["path"]! == "locks.data.write_locked") is not null;
        holderPid.ShouldBeTrue();
        Explanation("lock-held-by-other-process").ShouldMatch(@"\(PID \d+\) holds a reserved lock on .*app\.db");
        Explanation("check-failing").ShouldContain("database (database is locked)");
        Explanation("missing-key").ShouldMatch(@"config/app\.yaml has no jwt_secret");
        Explanation("journal-not-wal").ShouldContain("journal_mode=delete");
        findings.Single(f => f["runbook"]!.ToString() == "host.port-in-use")["explanation"]!.ToString()
            .ShouldMatch(@"port \d+ is held by medic \(PID \d+, 127\.0\.0\.1:\d+\)");
    }

    [Fact]
    public async Task Demo_console_report_reads_as_a_report_without_escape_codes()
    {
        var run = await CliRun.RunAsync("demo");

        run.ExitCode.ShouldBe(1, run.Stderr);
        run.Stdout.ShouldContain("ERROR");
        run.Stdout.ShouldContain("Another process holds the database's write lock");
        run.Stdout.ShouldContain("fix");
        run.Stdout.ShouldContain("Summary:");
        run.Stdout.ShouldNotContain("\u001b[");
    }

    [Fact]
    public async Task Demo_cleans_up_its_folder()
    {
        var before = Directory.GetDirectories(Path.GetTempPath(), "medic-demo-*").ToHashSet();

        await CliRun.RunAsync("demo", "--format", "json");

        Directory.GetDirectories(Path.GetTempPath(), "medic-demo-*").Where(d => !before.Contains(d)).ShouldBeEmpty();
    }
}
