using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Medic.Scenarios.Tests.StandIn;

/// <summary>
/// HarmonyLite's HTTP surface as its guide documents it (port 3010): Prometheus <c>/metrics</c> with
/// harmonylite_published, pending_publish and snapshot_age, <c>/debug/pprof/goroutine?debug=1</c> and
/// <c>/health</c>. Faults: <c>pending-publish</c> and <c>snapshot-age</c> (values), <c>unhealthy</c>.
/// </summary>
public sealed class HarmonyLiteSurface : ISeedSurface
{
    public void Map(WebApplication app, StandInFaults faults)
    {
        app.MapGet("/metrics", () => Results.Text(Metrics(faults), "text/plain; version=0.0.4"));
        app.MapGet("/debug/pprof/goroutine", (HttpRequest request) =>
            Results.Text(request.Query["debug"] == "1" ? Goroutines(faults) : "binary profile", "text/plain"));
        app.MapGet("/health", () => faults.IsOn("unhealthy")
            ? Results.Json(new { status = "unhealthy", checks = new { nats = "down" } }, statusCode: 503)
            : Results.Json(new { status = "ok", checks = new { nats = "ok", db = "ok" } }));
    }

    private static string Metrics(StandInFaults faults)
    {
        var pending = faults.Value("pending-publish") ?? "0";
        var age = faults.Value("snapshot-age") ?? "120";
        return string.Join('\n',
            "# HELP harmonylite_published Changes published to NATS.",
            "# TYPE harmonylite_published counter",
            "harmonylite_published 1042",
            "# HELP pending_publish Changes captured but not yet published.",
            "# TYPE pending_publish gauge",
            "pending_publish " + pending,
            "# HELP snapshot_age Seconds since the last snapshot was saved.",
            "# TYPE snapshot_age gauge",
            "snapshot_age " + age,
            "");
    }

    private static string Goroutines(StandInFaults faults)
    {
        var count = int.Parse(faults.Value("goroutines") ?? "12", CultureInfo.InvariantCulture);
        return $"goroutine profile: total {count}\n{count} @ 0x43a1b6 0x44b0d2\n#\t0x44b0d1\truntime.gopark+0x1\n";
    }
}
