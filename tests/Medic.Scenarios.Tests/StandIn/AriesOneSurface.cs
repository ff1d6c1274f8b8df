using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Medic.Scenarios.Tests.StandIn;

/// <summary>
/// AriesOne's FastAPI surface as its guide documents it: <c>/health</c> with per-dependency checks and errors in the
/// guide's format <c>{"error":{"code","message","path"}}</c> (422 "Validation Error" with details).
/// Faults: <c>db-down</c>, <c>redis-down</c> (a failing check), <c>raw-errors</c> (FastAPI's default
/// <c>{"detail": …}</c> instead of the custom handler's format).
/// </summary>
public sealed class AriesOneSurface : ISeedSurface
{
    public void Map(WebApplication app, StandInFaults faults)
    {
        app.MapGet("/health", () =>
        {
            var database = faults.IsOn("db-down") ? "unhealthy" : "healthy";
            var redis = faults.IsOn("redis-down") ? "unhealthy" : "healthy";
            var overall = database == "healthy" && redis == "healthy" ? "healthy" : "unhealthy";
            return Results.Json(
                new { status = overall, checks = new { database = new { status = database }, redis = new { status = redis } } },
                statusCode: overall == "healthy" ? 200 : 503);
        });

        app.MapPost("/api/v1/companies", (HttpContext context) =>
            faults.IsOn("raw-errors")
                ? Results.Json(new { detail = new[] { new { loc = new[] { "body", "npi" }, msg = "field required", type = "value_error.missing" } } }, statusCode: 422)
                : Results.Json(new { error = new { code = 422, message = "Validation Error", path = context.Request.Path.Value, details = new[] { new { field = "npi", message = "field required" } } } }, statusCode: 422));

        app.MapFallback((HttpContext context) =>
            faults.IsOn("raw-errors")
                ? Results.Json(new { detail = "Not Found" }, statusCode: 404)
                : Results.Json(new { error = new { code = 404, message = "Not Found", path = context.Request.Path.Value } }, statusCode: 404));
    }
}
