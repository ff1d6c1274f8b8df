using System.Text.Json.Nodes;
using Medic.Core.Probing;
using Medic.Core.Systems;
using Medic.Probes.Tests.NetSupport;
using Medic.Probes.Tests.Servers;

namespace Medic.Probes.Tests.Nats;

/// <summary>nats components and probe contexts for the tests.</summary>
internal static class NatsContexts
{
    public static Component Component(
        string url, string? monitor = null, string? user = null, string? password = null, string? token = null, bool tlsInsecure = false)
    {
        var settings = new JsonObject { ["url"] = url };
        Set(settings, "monitor", monitor);
        Set(settings, "user", user);
        Set(settings, "password", password);
        Set(settings, "token", token);
        if (tlsInsecure)
        {
            settings["tls_insecure"] = true;
        }

        return NetProbeContexts.Component("nats", settings);
    }

    public static Component Component(NatsServer server, string? user = null, string? password = null, string? token = null) =>
        Component(server.Url, server.MonitorUrl, user, password, token);

    public static ProbeContext Context(Component component, JsonObject? args = null, TimeSpan? timeout = null) =>
        NetProbeContexts.Context(component, args, timeout);

    public static Task<ProbeResult> RunAsync(IProbe probe, Component component, JsonObject? args = null) =>
        probe.RunAsync(Context(component, args), Xunit.TestContext.Current.CancellationToken);

    private static void Set(JsonObject settings, string key, string? value)
    {
        if (value is not null)
        {
            settings[key] = value;
        }
    }
}
