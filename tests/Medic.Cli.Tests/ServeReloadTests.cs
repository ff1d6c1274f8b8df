using Medic.Cli.Commands;
using Medic.Core.Engine;
using Shouldly;
using Xunit;

namespace Medic.Cli.Tests;

/// <summary><c>medic serve</c> picks up added, removed and edited system files; a broken file keeps the old configuration.</summary>
public sealed class ServeReloadTests
{
    [Fact]
    public void A_folder_is_watched_for_added_edited_broken_and_removed_files()
    {
        using var folder = new TempFolder();
        var a = folder.Write("a.yaml", "system: shop\ncomponents:\n  api: { kind: http, url: 'http://127.0.0.1:1' }\n");
        var stderr = new StringWriter();
        var cli = new CliContext(new MedicRuntime(), new StringWriter(), stderr, interactive: false);
        var runner = new ServeSystemRunner(cli, [Path.GetDirectoryName(a)!], [], new DiagnoseOptions());
        runner.Systems.ShouldBe(["shop"]);

        var b = folder.Write("b.yaml", "system: billing\ncomponents:\n  api: { kind: http, url: 'http://127.0.0.1:1' }\n");
        runner.Refresh();
        runner.Systems.Order().ShouldBe(["billing", "shop"]);
        stderr.ToString().ShouldContain($"added system 'billing' from {b}");

        File.WriteAllText(a, "system: shop\ncomponents:\n  api: { kind: http, url: 'http://127.0.0.1:1', bogus: 1 }\n");
        File.SetLastWriteTimeUtc(a, DateTime.UtcNow.AddSeconds(5));
        runner.Refresh();
        runner.Systems.Order().ShouldBe(["billing", "shop"]);
        stderr.ToString().ShouldContain($"{a}:3:");
        stderr.ToString().ShouldContain($"{a} does not load; system 'shop' keeps its previous configuration");

        File.WriteAllText(a, "system: store\ncomponents:\n  api: { kind: http, url: 'http://127.0.0.1:1' }\n");
        File.SetLastWriteTimeUtc(a, DateTime.UtcNow.AddSeconds(10));
        File.Delete(b);
        runner.Refresh();
        runner.Systems.ShouldBe(["store"]);
        stderr.ToString().ShouldContain($"reloaded system 'store' from {a}");
        stderr.ToString().ShouldContain($"{b} is gone; system 'billing' stops");
    }

    [Fact]
    public void A_quoted_pattern_matches_files_added_later()
    {
        using var folder = new TempFolder();
        var a = folder.Write("a.yaml", "system: shop\ncomponents:\n  api: { kind: http, url: 'http://127.0.0.1:1' }\n");
        var cli = new CliContext(new MedicRuntime(), new StringWriter(), new StringWriter(), interactive: false);
        var runner = new ServeSystemRunner(cli, [Path.Combine(Path.GetDirectoryName(a)!, "*.yaml")], [], new DiagnoseOptions());

        folder.Write("b.yaml", "system: billing\ncomponents:\n  api: { kind: http, url: 'http://127.0.0.1:1' }\n");
        folder.Write("notes.txt", "not a system");
        runner.Refresh();

        runner.Systems.Order().ShouldBe(["billing", "shop"]);
    }
}
