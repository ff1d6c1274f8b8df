using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Medic.Server.Scheduling;
using Medic.Server.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Medic.Server.Health;

/// <summary>
/// <c>/health</c> and <c>/health/ready</c>: overall status plus per-check details (the shape of the seed guides:
/// status, timestamp, version, uptime, checks.NAME.status/duration/details), 503 when a check fails.
/// <c>/health/live</c> only says the process answers. None needs a token.
/// </summary>
public static class HealthRoutes
{
    public static void Map(IEndpointRouteBuilder app, ISystemRunner runner, HistoryStore store, Scheduler scheduler, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var started = time.GetUtcNow();
        var version = typeof(HealthRoutes).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        IResult Full() => Report(time, started, version, runner, store, scheduler);
        app.MapGet("/health", Full);
        app.MapGet("/health/ready", Full);
        app.MapGet("/health/live", () => Results.Json(new { status = "healthy" }));
    }

    private static IResult Report(TimeProvider time, DateTimeOffset started, string version, ISystemRunner runner, HistoryStore store, Scheduler scheduler)
    {
        var storeCheck = StoreCheck(store);
        var schedulerCheck = new Dictionary<string, object?>
        {
            ["status"] = runner.Systems.Count > 0 ? "healthy" : "unhealthy",
            ["details"] = new { systems = runner.Systems.Count, run_failures = scheduler.Failures },
        };
        if (runner.Systems.Count == 0)
        {
            schedulerCheck["message"] = "no system is configured";
        }

        var healthy = (string?)storeCheck["status"] == "healthy" && runner.Systems.Count > 0;
        var now = time.GetUtcNow();
        var body = new
        {
            status = healthy ? "healthy" : "unhealthy",
            timestamp = now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            version,
            uptime = Uptime(now - started),
            checks = new { store = storeCheck, scheduler = schedulerCheck },
        };
        return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static Dictionary<string, object?> StoreCheck(HistoryStore store)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var schema = store.SchemaVersion;
            var size = store.SizeBytes;
            return new()
            {
                ["status"] = "healthy",
                ["duration"] = Ms(watch.Elapsed),
                ["details"] = new { schema_version = schema, size_bytes = size },
            };
        }
#pragma warning disable CA1031 // any failure of the store is reported as an unhealthy check
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new() { ["status"] = "unhealthy", ["duration"] = Ms(watch.Elapsed), ["message"] = e.Message };
        }
    }

    private static string Ms(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalMilliseconds:0.###}ms");

    private static string Uptime(TimeSpan t) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}h{t.Minutes}m{t.Seconds}s");
}
