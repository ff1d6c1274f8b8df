using System.Text.Json.Nodes;
using Medic.Probes.Nginx;
using Medic.Probes.Tests.Support;

namespace Medic.Probes.Tests.Nginx;

/// <summary>An nginx configuration written into a temporary folder, file by file, and read back by Medic.</summary>
internal sealed class NginxFiles : IDisposable
{
    private readonly TempFolder _folder = new();

    public string Folder => _folder.Path;

    public string Main => Path.Combine(Folder, "nginx.conf");

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> (relative to the folder), creating folders.</summary>
    public NginxFiles With(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public NginxConfig Read() => NginxConfigReader.Read(Main);

    public JsonObject Report() => NginxConfigReport.Build(Read());

    /// <summary>The report of a main file holding an http block with <paramref name="http"/> inside.</summary>
    public static JsonObject ReportOf(string http)
    {
        using var files = new NginxFiles();
        return files.With("nginx.conf", $"events {{}}\nhttp {{\n{http}\n}}\n").Report();
    }

    public void Dispose() => _folder.Dispose();
}
