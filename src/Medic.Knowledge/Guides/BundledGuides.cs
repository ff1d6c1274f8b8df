namespace Medic.Knowledge.Guides;

/// <summary>The five seed guides shipped inside the binary (from <c>seeds/</c>), for a knowledge base that works before any import.</summary>
public static class BundledGuides
{
    public static IReadOnlyList<Guide> Load()
    {
        var assembly = typeof(BundledGuides).Assembly;
        var guides = new List<Guide>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("seeds/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            guides.Add(GuideImporter.Parse(name["seeds/".Length..], name, reader.ReadToEnd()));
        }

        return guides;
    }
}
