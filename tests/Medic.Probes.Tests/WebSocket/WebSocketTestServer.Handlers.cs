using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;

namespace Medic.Probes.Tests.WebSocket;

public sealed partial class WebSocketTestServer
{
    /// <summary>Accepts the upgrade and runs <paramref name="session"/>; a plain GET gets the 400 ASP.NET samples and Go's gorilla answer.</summary>
    private static async Task AcceptAsync(HttpContext context, string? subprotocol, Func<System.Net.WebSockets.WebSocket, CancellationToken, Task> session)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("websocket: the client is not using the websocket protocol: 'upgrade' token not found in 'Connection' header");
            return;
        }

        using var ws = await context.WebSockets.AcceptWebSocketAsync(subprotocol);
        try
        {
            await session(ws, context.RequestAborted);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // The client went away; the session is over either way.
        }
    }

    private static async Task EchoAsync(System.Net.WebSockets.WebSocket ws, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var received = await ws.ReceiveAsync(buffer, ct);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
                return;
            }

            await ws.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, ct);
        }
    }

    /// <summary>Reads and ignores messages until the client closes.</summary>
    private static async Task DrainAsync(System.Net.WebSockets.WebSocket ws, CancellationToken ct)
    {
        var buffer = new byte[4096];
        while (ws.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            var received = await ws.ReceiveAsync(buffer, ct);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                if (ws.State == WebSocketState.CloseReceived)
                {
                    await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
                }

                return;
            }
        }
    }

    /// <summary>Closes with 1001 "idle timeout" once the client has sent nothing for <paramref name="after"/>.</summary>
    private static async Task CloseWhenIdleAsync(System.Net.WebSockets.WebSocket ws, TimeSpan after, CancellationToken ct)
    {
        var buffer = new byte[4096];
        while (true)
        {
            // One receive stays pending across the wait: cancelling a receive would abort the socket instead of closing it.
            var receive = ws.ReceiveAsync(buffer, ct);
            if (await Task.WhenAny(receive, Task.Delay(after, ct)) != receive)
            {
                await ws.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "idle timeout", ct);
                await receive.WaitAsync(TimeSpan.FromSeconds(5), ct);
                return;
            }

            if ((await receive).MessageType == WebSocketMessageType.Close)
            {
                await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
                return;
            }
        }
    }
}
