using Medic.Scenarios.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Scenarios.Tests.Coverage;

public sealed class CoverageTableTests
{
    private const string Regenerate =
        "MEDIC_WRITE_COVERAGE=1 dotnet test tests/Medic.Scenarios.Tests -c Release --filter FullyQualifiedName~CoverageTableTests";

    [Fact]
    public void The_readme_coverage_table_is_current()
    {
        var readmePath = Path.Combine(MedicRun.Root, "README.md");
        var readme = File.ReadAllText(readmePath);
        var table = CoverageTable.Generate(MedicRun.Root, typeof(CoverageTableTests).Assembly);
        var current = CoverageTable.Current(readme);
        current.ShouldNotBeNull($"README.md has no {CoverageTable.Start} ... {CoverageTable.End} markers");

        if (current != table && Environment.GetEnvironmentVariable("MEDIC_WRITE_COVERAGE") == "1")
        {
            File.WriteAllText(readmePath, CoverageTable.Replace(readme, table));
            return;
        }

        current.ShouldBe(table, $"README.md's seed coverage table is stale; regenerate it with: {Regenerate}");
    }

    [Fact]
    public void The_table_has_a_row_per_seed_guide_and_counts_only_catalog_causes()
    {
        var table = CoverageTable.Generate(MedicRun.Root, typeof(CoverageTableTests).Assembly);
        var rows = table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();

        rows.Select(r => r.Split('|')[2].Trim()).ShouldBe(["pma", "codeai", "ariesone", "webmacs", "harmonylite"]);
        foreach (var cells in rows.Select(r => r.Split('|').Skip(3).Take(4).Select(c => int.Parse(c.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToList()))
        {
            cells[0].ShouldBeGreaterThan(0);
            cells[2].ShouldBeLessThanOrEqualTo(cells[1]);
            cells[3].ShouldBeLessThanOrEqualTo(cells[1]);
        }
    }
}
