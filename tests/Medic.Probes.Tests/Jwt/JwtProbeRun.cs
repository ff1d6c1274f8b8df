using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Core.Systems;
using Medic.Probes.Jwt;
using Medic.Probes.Tests.Support;

namespace Medic.Probes.Tests.Jwt;

/// <summary>Runs <c>jwt.inspect</c> on a <c>jwt</c> component built from settings.</summary>
internal static class JwtProbeRun
{
    public static ProbeContext Context(JsonObject settings, TimeProvider? time = null, TimeSpan? timeout = null, string? baseDirectory = null) =>
        new(new Component("auth", "jwt", settings, baseDirectory ?? Path.GetTempPath(), new SourcePosition("medic.yaml", 1, 1)),
            [], timeout ?? TimeSpan.FromSeconds(10), time ?? new FixedClock(FixedClock.Noon));

    public static async Task<JsonObject> InspectAsync(JsonObject settings, CancellationToken cancellationToken, TimeProvider? time = null,
        string? baseDirectory = null)
    {
        var result = await new JwtInspectProbe().RunAsync(Context(settings, time, baseDirectory: baseDirectory), cancellationToken);
        return result.OkData();
    }

    public static string? Code(this JsonObject data) => data["code"]?.GetValue<string>();

    public static IReadOnlyList<string> Problems(this JsonObject data) => [.. data["problems"]!.AsArray().Select(p => p!.GetValue<string>())];
}
