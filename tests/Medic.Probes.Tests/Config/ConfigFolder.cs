using System.Text.Json.Nodes;
using Medic.Core.Probing;
using Medic.Probes.Config;
using static Medic.Probes.Tests.NetSupport.NetProbeContexts;

namespace Medic.Probes.Tests.Config;

/// <summary>A temporary folder of configuration files, and config.parse runs over them.</summary>
internal sealed class ConfigFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("medic-config-").FullName;

    public string Write(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, text);
        return file;
    }

    /// <summary>Parses <paramref name="name"/> (relative to the folder, as a system file would name it).</summary>
    public Task<ProbeResult> ParseAsync(string name, string[]? require = null, JsonObject? types = null, string? format = null, JsonObject? args = null)
    {
        var settings = new JsonObject { ["path"] = name };
        if (require is not null)
        {
            settings["require"] = new JsonArray([.. require.Select(r => JsonValue.Create(r))]);
        }

        if (types is not null)
        {
            settings["types"] = types;
        }

        if (format is not null)
        {
            settings["format"] = format;
        }

        return new ConfigParseProbe().RunAsync(Context(Component("config", settings, Path), args), Xunit.TestContext.Current.CancellationToken);
    }

    /// <summary>Runs <paramref name="probe"/> on a config component with these settings, relative paths against the folder.</summary>
    public Task<ProbeResult> RunAsync(IProbe probe, JsonObject settings, JsonObject? args = null) =>
        probe.RunAsync(Context(Component("config", settings, Path), args), Xunit.TestContext.Current.CancellationToken);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
