using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Medic.Scenarios.Tests.StandIn;

/// <summary>
/// The WebMACS backend's HTTP surface as its guide documents it: <c>/api/v1/health</c>, the controller telemetry
/// WebSocket <c>/ws/controller/telemetry?token=…</c>, datapoint reads and the OTA upload. When given a database,
/// <c>/api/v1/health</c> really queries it (the columns the running version needs), so a breaking schema change shows
/// as it would after a bad update. Faults: <c>update-broke-db</c> (value: the database error, without a database),
/// <c>auth</c> (the backend rejects the caller with 401), <c>slow</c> (value: seconds datapoint reads take).
/// </summary>
public sealed class WebMacsSurface(string? database = null) : ISeedSurface
{
    public const string Version = "2.4.0";

    public void Map(WebApplication app, StandInFaults faults)
    {
        app.MapGet("/api/v1/health", async (CancellationToken ct) =>
        {
            if (faults.IsOn("auth"))
            {
                return Results.Json(new { detail = "Invalid credentials" }, statusCode: 401);
            }

            var error = faults.Value("update-broke-db") ?? await DatabaseErrorAsync(ct);
            return error is not null
                ? Results.Json(new { status = "error", version = Version, database = "error", detail = error }, statusCode: 503)
                : Results.Ok(new { status = "ok", version = Version, database = "ok" });
        });
        app.MapGet("/api/v1/datapoints", async (CancellationToken ct) =>
        {
            if (faults.Value("slow") is { Length: > 0 } seconds)
            {
                await Task.Delay(TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture)), ct);
            }

            return Results.Ok(new { items = Array.Empty<object>(), total = 0 });
        });
        app.MapPost("/api/v1/ota/upload", async (HttpContext context) =>
        {
            var buffer = new byte[81920];
            long size = 0;
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                size += read;
            }

            return Results.Ok(new { status = "uploaded", size });
        });
        app.Map("/ws/controller/telemetry", Telemetry);
    }

    /// <summary>What the backend's health check reads: the users table with the columns this version needs.</summary>
    private async Task<string?> DatabaseErrorAsync(CancellationToken ct)
    {
        if (database is null)
        {
            return null;
        }

        try
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT id, email, role FROM users LIMIT 1", connection) { CommandTimeout = 2 };
            await command.ExecuteScalarAsync(ct);
            return null;
        }
        catch (NpgsqlException e)
        {
            return e.Message;
        }
    }

    private static async Task Telemetry(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[4096];
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes("{\"type\":\"hello\"}"), WebSocketMessageType.Text, true, context.RequestAborted);
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    break;
                }

                await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, context.RequestAborted);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The peer (or nginx in front) dropped the connection: what the guide's disconnects look like from here.
        }
    }
}
