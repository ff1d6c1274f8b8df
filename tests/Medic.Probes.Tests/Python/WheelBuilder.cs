using System.IO.Compression;
using System.Text;

namespace Medic.Probes.Tests.Python;

/// <summary>Writes real wheel archives (zip files with a *.dist-info folder), as pip would receive them.</summary>
internal static class WheelBuilder
{
    public static string Write(
        string folder,
        string name,
        string version = "1.0.0",
        string tag = "py3-none-any",
        string? entryPointGroup = "webmacs.plugins",
        string? requiresPython = null,
        params string[] requires)
    {
        var file = Path.Combine(folder, $"{name.Replace('-', '_')}-{version}-{tag}.whl");
        using var zip = ZipFile.Open(file, ZipArchiveMode.Create);
        var info = $"{name.Replace('-', '_')}-{version}.dist-info";
        Add(zip, $"{name.Replace('-', '_')}/__init__.py", "CHANNELS = ['temperature']\n");
        var metadata = new StringBuilder($"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n");
        if (requiresPython is not null)
        {
            metadata.Append($"Requires-Python: {requiresPython}\n");
        }

        foreach (var r in requires)
        {
            metadata.Append($"Requires-Dist: {r}\n");
        }

        Add(zip, $"{info}/METADATA", metadata.Append("\nA WebMACS plugin.\nName: not-a-header\n").ToString());
        Add(zip, $"{info}/WHEEL", $"Wheel-Version: 1.0\nGenerator: medic-tests\nRoot-Is-Purelib: true\nTag: {tag}\n");
        if (entryPointGroup is not null)
        {
            Add(zip, $"{info}/entry_points.txt", $"[console_scripts]\nplugin-cli = {name.Replace('-', '_')}:main\n\n[{entryPointGroup}]\n{name} = {name.Replace('-', '_')}:Plugin\n");
        }
        else
        {
            Add(zip, $"{info}/entry_points.txt", $"[console_scripts]\nplugin-cli = {name.Replace('-', '_')}:main\n");
        }

        Add(zip, $"{info}/RECORD", "");
        return file;
    }

    /// <summary>A site-packages folder with these <c>name==version</c> distributions installed.</summary>
    public static string SitePackages(string folder, params string[] installed)
    {
        var site = Directory.CreateDirectory(Path.Combine(folder, "site-packages")).FullName;
        foreach (var pin in installed)
        {
            var (name, version) = (pin.Split("==")[0], pin.Split("==")[1]);
            var info = Directory.CreateDirectory(Path.Combine(site, $"{name.Replace('-', '_')}-{version}.dist-info")).FullName;
            File.WriteAllText(Path.Combine(info, "METADATA"), $"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n");
        }

        return site;
    }

    private static void Add(ZipArchive zip, string path, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
