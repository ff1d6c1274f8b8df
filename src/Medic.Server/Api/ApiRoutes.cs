using Medic.Server.Scheduling;
using Medic.Server.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Medic.Server.Api;

/// <summary>The JSON API under <c>/api/</c>. No route takes an address: on-demand runs name a configured system.</summary>
public static class ApiRoutes
{
    public static void Map(IEndpointRouteBuilder app, ISystemRunner runner, HistoryStore store, Scheduler scheduler)
    {
        app.MapGet("/api/systems", () => Results.Json(runner.Systems.Select(name =>
        {
            var open = store.Findings(name, StoredFinding.Open);
            var last = store.Runs(name).LastOrDefault();
            return new { name, status = open.Count == 0 ? "ok" : "failing", openFindings = open.Count, lastRun = last };
        })));

        app.MapGet("/api/runs", (string? system) => Results.Json(store.Runs(system)));

        app.MapGet("/api/runs/{id:long}", (long id) =>
            store.RunReport(id) is { } json ? Results.Text(json, "application/json") : Results.NotFound(new { error = $"no run {id}" }));

        app.MapGet("/api/findings", (string? system, string? status) => Results.Json(store.Findings(system, status)));

        app.MapGet("/api/runs/{id:long}/observations", (long id) =>
            store.RunObservations(id) is { } list ? Results.Text(list, "application/json") : Results.NotFound(new { error = $"no run {id}" }));

        app.MapPost("/api/systems/{name}/diagnose", async (string name, CancellationToken ct) =>
        {
            if (!runner.Systems.Contains(name, StringComparer.Ordinal))
            {
                return Results.NotFound(new { error = $"no system '{name}' in the configuration" });
            }

            try
            {
                var runId = await scheduler.RunOnceAsync(name, ct).ConfigureAwait(false);
                return Results.Text(store.RunReport(runId)!, "application/json");
            }
            catch (RunSkippedException e)
            {
                return Results.Conflict(new { error = e.Message });
            }
        });
    }
}
