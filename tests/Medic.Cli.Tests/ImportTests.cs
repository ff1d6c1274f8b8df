using Shouldly;
using Xunit;

namespace Medic.Cli.Tests;

public sealed class ImportTests
{
    internal static string Seed(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Medic.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "seeds", name);
    }

    internal static readonly string[] Seeds =
    [
        "000_d2c2fcb7eab650b9.txt", "001_63eb18a64342e0f6.txt", "002_fc48613a8bec7d26.txt", "003_845f98012e8cd58d.txt", "004_f5609ae1911cc5ef.txt",
    ];

    [Fact]
    public async Task Draft_runbooks_of_all_five_seeds_pass_medic_check()
    {
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "drafts");
        var import = await CliRun.RunAsync(["import", .. Seeds.Select(Seed), "--kb", Path.Combine(temp.Path, "kb.db"), "--runbooks", output]);
        import.ExitCode.ShouldBe(0, import.Stderr);
        var packs = Directory.GetDirectories(output);
        packs.Length.ShouldBe(5);
        var yaml = File.ReadAllText(Path.Combine(output, "guide-001-63eb18a64342e0f6", "database-connection-failures.yaml"));
        yaml.ShouldContain("probe: postgres.connect");
        yaml.ShouldContain("# when: http_get.data.json.checks.database.status != 'healthy'");
        yaml.ShouldContain("manual: true");

        var check = await CliRun.RunAsync(["check", .. packs]);
        check.ExitCode.ShouldBe(0, check.Stderr);
        check.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(5);
    }

    [Fact]
    public async Task Import_refuses_to_overwrite_drafts_and_writes_nothing()
    {
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "drafts");
        var existing = temp.Write("drafts/guide-000-d2c2fcb7eab650b9/service-fails-to-start.yaml", "mine");
        var run = await CliRun.RunAsync("import", Seed(Seeds[0]), "--kb", Path.Combine(temp.Path, "kb.db"), "--runbooks", output);
        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("service-fails-to-start.yaml:1:1: error:");
        File.ReadAllText(existing).ShouldBe("mine");
        Directory.GetFiles(Path.GetDirectoryName(existing)!).Length.ShouldBe(1);
    }

    [Fact]
    public async Task An_unreadable_or_binary_guide_exits_2_with_its_position()
    {
        using var temp = new TempFolder();
        var missing = await CliRun.RunAsync("import", Path.Combine(temp.Path, "nope.md"), "--kb", Path.Combine(temp.Path, "kb.db"));
        missing.ExitCode.ShouldBe(2);
        missing.Stderr.ShouldContain("nope.md:1:1: error: cannot read guide");
        var binary = Path.Combine(temp.Path, "x.md");
        File.WriteAllBytes(binary, [0x7f, 0x45, 0x00, 0x02]);
        var run = await CliRun.RunAsync("import", binary, "--kb", Path.Combine(temp.Path, "kb.db"));
        run.ExitCode.ShouldBe(2);
        run.Stderr.ShouldContain("not a Markdown guide");
    }
}
