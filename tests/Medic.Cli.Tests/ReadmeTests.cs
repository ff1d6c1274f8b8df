using Medic.Probes;
using Shouldly;
using Xunit;

namespace Medic.Cli.Tests;

/// <summary>Keeps README.md true about what ships.</summary>
public sealed class ReadmeTests
{
    private static string Readme()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Medic.slnx")))
        {
            dir = dir.Parent;
        }

        return File.ReadAllText(Path.Combine(dir.ShouldNotBeNull("the repository root").FullName, "README.md"));
    }

    [Fact]
    public void The_readme_lists_every_probe_with_its_arguments()
    {
        var readme = Readme();

        foreach (var probe in BuiltInProbes.Registry().All)
        {
            var row = readme.Split('\n').FirstOrDefault(l => l.StartsWith($"| `{probe.Name}` |", StringComparison.Ordinal));
            row.ShouldNotBeNull($"README.md has no row for probe {probe.Name}");
            foreach (var p in probe.Parameters)
            {
                row.ShouldContain($"`{p.Name}", customMessage: $"README.md's row for {probe.Name} lacks argument {p.Name}");
            }
        }
    }

    [Fact]
    public void The_readme_lists_every_component_kind()
    {
        var readme = Readme();

        foreach (var kind in BuiltInKinds.All)
        {
            readme.ShouldContain($"`{kind.Name}`", customMessage: $"README.md does not mention kind {kind.Name}");
        }
    }
}
