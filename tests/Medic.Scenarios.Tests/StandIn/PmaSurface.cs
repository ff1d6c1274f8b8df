using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Medic.Scenarios.Tests.StandIn;

/// <summary>
/// PMA Backend Go's HTTP surface as its guide documents it: <c>/health</c>, the error body
/// <c>{"error":{"code":1001..1005,"message":…}}</c>, bearer-protected <c>/api/v1/*</c> and the <c>/ws</c> WebSocket.
/// Faults: <c>db-down</c> (1001), <c>config-invalid</c> (1002), <c>unauthorized</c> (1003), <c>ws-limit</c> (1005),
/// <c>proxy-502</c> (a reverse proxy that cannot reach the backend).
/// </summary>
public sealed class PmaSurface : ISeedSurface
{
    public static IResult Error(int status, int code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);

    public void Map(WebApplication app, StandInFaults faults)
    {
        app.MapGet("/health", () =>
            faults.IsOn("proxy-502") ? Results.Text("<html><body>502 Bad Gateway</body></html>", "text/html", statusCode: 502)
            : faults.IsOn("db-down") ? Error(500, 1001, "Database connection failed")
            : faults.IsOn("config-invalid") ? Error(500, 1002, "Configuration invalid")
            : Results.Json(new { status = "ok", database = "connected", version = "1.0.0" }));

        app.MapGet("/api/v1/entities", (HttpContext context) =>
            faults.IsOn("unauthorized") || !context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
                ? Error(401, 1003, "Authentication failed")
                : Results.Json(new { entities = Array.Empty<object>() }));

        app.Map("/ws", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                return;
            }

            if (faults.IsOn("ws-limit"))
            {
                await Error(503, 1005, "WebSocket connection limit reached").ExecuteAsync(context);
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var hello = System.Text.Encoding.UTF8.GetBytes("{\"type\":\"connected\"}");
            await socket.SendAsync(hello, System.Net.WebSockets.WebSocketMessageType.Text, true, context.RequestAborted);
            var buffer = new byte[1024];
            while (!context.RequestAborted.IsCancellationRequested)
            {
                var read = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (read.MessageType == System.Net.WebSockets.WebSocketMessageType.Close)
                {
                    await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    return;
                }
            }
        });
    }
}
