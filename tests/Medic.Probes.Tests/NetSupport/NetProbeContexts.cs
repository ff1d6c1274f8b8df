using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Core.Systems;

namespace Medic.Probes.Tests.NetSupport;

/// <summary>Components and probe contexts for network and config probe tests.</summary>
internal static class NetProbeContexts
{
    public static Component Component(string kind, JsonObject settings, string? baseDirectory = null) =>
        new("target", kind, settings, baseDirectory ?? Path.GetTempPath(), SourcePosition.Start("medic.yaml"));

    public static ProbeContext Context(Component component, JsonObject? args = null, TimeSpan? timeout = null) =>
        new(component, args ?? [], timeout ?? TimeSpan.FromSeconds(10), TimeProvider.System);

    public static Component HttpComponent(string url, string? health = null, JsonObject? headers = null)
    {
        var settings = new JsonObject { ["url"] = url };
        if (health is not null)
        {
            settings["health"] = health;
        }

        if (headers is not null)
        {
            settings["headers"] = headers;
        }

        return Component("http", settings);
    }

    public static Component TcpComponent(string address) => Component("tcp", new JsonObject { ["address"] = address });
}
