using System.Reflection;
using System.Text;
using Medic.Scenarios.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Medic.Scenarios.Tests.Coverage;

/// <summary>
/// The README's seed coverage table, generated from the catalog (<c>catalog/seed-problems.yaml</c>), the runbook
/// packs (<c>runbooks/&lt;system&gt;/*.yaml</c>) and the <see cref="CoversAttribute"/>s on this assembly's tests.
/// </summary>
internal static class CoverageTable
{
    public const string Start = "<!-- coverage-table:start -->";
    public const string End = "<!-- coverage-table:end -->";

    public static string Generate(string root, Assembly scenarios)
    {
        var catalog = Load(Path.Combine(root, "catalog", "seed-problems.yaml"));
        var covered = scenarios.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static))
            .SelectMany(m => m.GetCustomAttributes<CoversAttribute>())
            .Select(a => a.Cause)
            .ToHashSet(StringComparer.Ordinal);

        var text = new StringBuilder();
        text.Append("| guide | system | problems documented | causes documented | causes detected automatically | causes covered by a scenario |\n");
        text.Append("|---|---|---:|---:|---:|---:|\n");
        var sources = (YamlSequenceNode)catalog["sources"];
        var problems = ((YamlSequenceNode)catalog["problems"]).Cast<YamlMappingNode>().ToList();
        foreach (var source in sources.Cast<YamlMappingNode>())
        {
            var file = Scalar(source, "file");
            var mine = problems.Where(p => Scalar(p, "guide") == file).ToList();
            var system = mine.Count == 0 ? "?" : Scalar(mine[0], "id").Split('.')[0];
            var causes = mine
                .SelectMany(p => ((YamlSequenceNode)p["causes"]).Cast<YamlMappingNode>().Select(c => $"{Scalar(p, "id")}/{Scalar(c, "id")}"))
                .ToHashSet(StringComparer.Ordinal);
            var detected = DetectedCauses(Path.Combine(root, "runbooks", system));
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"| {file} | {system} | {mine.Count} | {causes.Count} | {causes.Count(detected.Contains)} | {causes.Count(covered.Contains)} |\n");
        }

        return text.ToString();
    }

    /// <summary>The README's current table (between the markers), or null when the markers are missing.</summary>
    public static string? Current(string readme)
    {
        var start = readme.IndexOf(Start, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        return start < 0 || end < start ? null : readme[(start + Start.Length)..end].Trim('\n') + "\n";
    }

    public static string Replace(string readme, string table)
    {
        var start = readme.IndexOf(Start, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        return readme[..(start + Start.Length)] + "\n" + table + readme[end..];
    }

    /// <summary><c>runbook-id/cause-id</c> of every cause with a <c>when</c> in the pack's runbooks (none when the pack is absent).</summary>
    private static HashSet<string> DetectedCauses(string pack)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (!Directory.Exists(pack))
        {
            return found;
        }

        foreach (var path in Directory.GetFiles(pack, "*.yaml").Where(p => !p.EndsWith(".tests.yaml", StringComparison.Ordinal)))
        {
            var runbook = Load(path);
            if (!runbook.Children.TryGetValue(new YamlScalarNode("causes"), out var causes) || causes is not YamlSequenceNode list)
            {
                continue;
            }

            foreach (var cause in list.Cast<YamlMappingNode>().Where(c => c.Children.ContainsKey(new YamlScalarNode("when"))))
            {
                found.Add($"{Scalar(runbook, "id")}/{Scalar(cause, "id")}");
            }
        }

        return found;
    }

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = File.OpenText(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value ?? "" : "";
}
