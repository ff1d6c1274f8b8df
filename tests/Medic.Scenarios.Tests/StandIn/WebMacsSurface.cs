using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Medic.Scenarios.Tests.StandIn;

/// <summary>
/// The WebMACS backend's HTTP surface as its guide documents it: <c>/api/v1/health</c> and the controller telemetry
/// WebSocket <c>/ws/controller/telemetry?token=…</c>. Faults: <c>update-broke-db</c> (value: the database error),
/// <c>auth</c> (the backend rejects the caller with 401).
/// </summary>
public sealed class WebMacsSurface : ISeedSurface
{
    public void Map(WebApplication app, StandInFaults faults)
    {
        app.MapGet("/api/v1/health", () =>
        {
            if (faults.IsOn("auth"))
            {
                return Results.Json(new { detail = "Invalid credentials" }, statusCode: 401);
            }

            return faults.Value("update-broke-db") is { } error
                ? Results.Json(new { status = "error", version = "2.4.0", database = "error", detail = error }, statusCode: 503)
                : Results.Ok(new { status = "ok", version = "2.4.0", database = "ok" });
        });
        app.Map("/ws/controller/telemetry", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var buffer = new byte[4096];
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
        });
    }
}
