using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Medic.Probes.Tests.NetSupport;

public sealed partial class HealthShapesServer
{
    private static void MapShapes(WebApplication app)
    {
        // CodeAI's /health (seed guide 001): a status with a map of checks.
        app.MapGet("/shapes/checks-map", () => Results.Json(new
        {
            status = "unhealthy",
            version = "1.0.0",
            checks = new Dictionary<string, object>
            {
                ["database"] = new { status = "unhealthy", message = "database ping failed: connection refused", duration = "2001ms" },
                ["cache"] = new { status = "healthy", duration = "0.5ms" },
            },
        }, statusCode: 503));

        app.MapGet("/shapes/checks-list", () => Results.Json(new
        {
            status = "fail",
            checks = new object[]
            {
                new { name = "postgres", status = "pass" },
                new { name = "rabbitmq", status = "fail", error = "channel closed" },
            },
        }, statusCode: 503));

        // No top-level status; checks are plain strings.
        app.MapGet("/shapes/strings", () => Results.Json(new
        {
            checks = new Dictionary<string, string> { ["database"] = "ok", ["cache"] = "error: connection refused" },
        }));

        app.MapGet("/shapes/spring", () => Results.Json(new
        {
            status = "DOWN",
            components = new Dictionary<string, object>
            {
                ["db"] = new { status = "DOWN", details = new { error = "org.springframework.jdbc.CannotGetJdbcConnectionException: Connection refused" } },
                ["diskSpace"] = new { status = "UP", details = new { total = 100, free = 50 } },
                ["ping"] = new { status = "UP" },
            },
        }, statusCode: 503));

        app.MapGet("/shapes/flag", () => Results.Json(new { healthy = true }));

        app.MapGet("/shapes/services", () => Results.Json(new
        {
            status = "degraded",
            services = new Dictionary<string, object>
            {
                ["redis"] = new { status = "warn", message = "latency 250ms" },
                ["postgres"] = "connected",
            },
        }));

        app.MapGet("/shapes/ietf", () => Results.Text("""
            {"status":"warn","checks":{"redis:responseTime":[{"componentId":"r1","status":"warn","observedValue":250,"output":"slow replies"}]}}
            """, "application/health+json"));

        // A 5xx health document that states no status of its own.
        app.MapGet("/shapes/no-status-5xx", () => Results.Json(new { dependencies = new { db = new { latency_ms = 3 } } }, statusCode: 503));

        // FastAPI's 404 body is JSON but no health document.
        app.MapGet("/shapes/json-error", () => Results.Json(new { detail = "Not Found" }, statusCode: 404));
    }
}
