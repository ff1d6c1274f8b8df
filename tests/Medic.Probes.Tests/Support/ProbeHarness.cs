using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Core.Systems;

namespace Medic.Probes.Tests.Support;

/// <summary>Runs a probe against a component built in the test, as the engine would.</summary>
internal static class ProbeHarness
{
    public static ProbeContext Context(string kind, JsonObject settings, JsonObject? args = null, TimeSpan? timeout = null) =>
        new(new Component("target", kind, settings, Path.GetTempPath(), new SourcePosition("medic.yaml", 1, 1)),
            args ?? [], timeout ?? TimeSpan.FromSeconds(10), TimeProvider.System);

    public static Task<ProbeResult> RunAsync(IProbe probe, string kind, JsonObject settings, JsonObject? args = null, CancellationToken cancellationToken = default) =>
        probe.RunAsync(Context(kind, settings, args), cancellationToken);

    /// <summary>The data of a successful result; fails the test with the probe's error otherwise.</summary>
    public static JsonObject OkData(this ProbeResult result)
    {
        if (result.Error is { } error)
        {
            throw new Xunit.Sdk.XunitException($"expected data, got error {error.Kind}: {error.Message}");
        }

        return result.Data!.AsObject();
    }
}
