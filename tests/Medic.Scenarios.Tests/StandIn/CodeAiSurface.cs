using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Medic.Scenarios.Tests.StandIn;

/// <summary>
/// CodeAI's HTTP surface as its guide documents it: <c>/health</c> with per-check details and pool statistics,
/// <c>/health/live</c>, <c>/health/ready</c>, <c>/metrics</c> and the admin jobs endpoint.
/// Faults: <c>db-down</c> (value: message), <c>pool-exhausted</c> (value: max connections), <c>cache-down</c>,
/// <c>breaker-open</c> (value: integration name), <c>stuck-job</c> (value: age in seconds).
/// When given a database, <c>/health</c> really pings it with the guide's 2-second timeout
/// (<c>internal/health/checks/database.go</c>), so a full or stopped PostgreSQL shows with its own error.
/// </summary>
public sealed class CodeAiSurface(string? database = null) : ISeedSurface
{
    public void Map(WebApplication app, StandInFaults faults)
    {
        app.MapGet("/health", async (CancellationToken ct) => Health(faults, await PingAsync(ct)));
        app.MapGet("/health/live", () => Results.Ok(new { status = "healthy" }));
        app.MapGet("/health/ready", async (CancellationToken ct) => Health(faults, await PingAsync(ct)));
        app.MapGet("/metrics", () => Results.Text(Metrics(faults), "text/plain; version=0.0.4"));
        app.MapGet("/api/v1/admin/jobs", () => Results.Ok(new { jobs = Jobs(faults) }));
    }

    private async Task<string?> PingAsync(CancellationToken ct)
    {
        if (database is null)
        {
            return null;
        }

        try
        {
            var settings = new Npgsql.NpgsqlConnectionStringBuilder(database) { Timeout = 2, CommandTimeout = 2, Pooling = false };
            await using var connection = new Npgsql.NpgsqlConnection(settings.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = new Npgsql.NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(ct);
            return null;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
        {
            return "database ping failed: " + e.Message;
        }
    }

    private static IResult Health(StandInFaults faults, string? pingError)
    {
        var max = int.Parse(faults.Value("pool-exhausted") is { Length: > 0 } m ? m : "25", CultureInfo.InvariantCulture);
        var inUse = faults.IsOn("pool-exhausted") ? max : 5;
        var dbDown = faults.IsOn("db-down") || faults.IsOn("pool-exhausted") || pingError is not null;
        var database = new Dictionary<string, object?>
        {
            ["status"] = dbDown ? "unhealthy" : "healthy",
            ["duration"] = dbDown ? "2001ms" : "1.5ms",
            ["details"] = new { max_connections = max, open_connections = faults.IsOn("pool-exhausted") ? max : 10, in_use = inUse, idle = faults.IsOn("pool-exhausted") ? 0 : 5 },
        };
        if (dbDown)
        {
            database["message"] = faults.Value("db-down") is { Length: > 0 } msg ? msg : pingError ?? "database ping failed: context deadline exceeded";
        }

        var cacheDown = faults.IsOn("cache-down");
        var cache = new Dictionary<string, object?> { ["status"] = cacheDown ? "unhealthy" : "healthy", ["duration"] = cacheDown ? "1000ms" : "0.5ms" };
        if (cacheDown)
        {
            cache["message"] = "redis ping failed";
        }

        var healthy = !dbDown && !cacheDown;
        var body = new { status = healthy ? "healthy" : "unhealthy", version = "1.0.0", uptime = "1h2m3s", checks = new { database, cache } };
        return Results.Json(body, statusCode: healthy ? 200 : 503);
    }

    private static string Metrics(StandInFaults faults)
    {
        var open = faults.Value("breaker-open");
        var inUse = faults.IsOn("pool-exhausted") ? 25 : 5;
        return string.Join('\n',
            "# HELP circuit_breaker_state Circuit breaker state (0 closed, 1 half-open, 2 open).",
            "# TYPE circuit_breaker_state gauge",
            $"circuit_breaker_state{{name=\"github\"}} {(open == "github" ? 2 : 0)}",
            $"circuit_breaker_state{{name=\"payments\"}} {(open == "payments" ? 2 : 0)}",
            "# HELP db_connections_in_use Connections in use.",
            "# TYPE db_connections_in_use gauge",
            $"db_connections_in_use {inUse}",
            "# HELP workflow_executions_total Workflow executions.",
            "# TYPE workflow_executions_total counter",
            "workflow_executions_total{status=\"completed\"} 120",
            "workflow_executions_total{status=\"failed\"} 0",
            "") ;
    }

    private static object[] Jobs(StandInFaults faults) => faults.Value("stuck-job") is { Length: > 0 } age
        ? [new { id = "job-41", type = "workflow.execute", status = "pending", age_seconds = int.Parse(age, CultureInfo.InvariantCulture) }]
        : [];
}
