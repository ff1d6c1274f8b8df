using System.Collections.Frozen;

namespace Medic.Probes.Nginx;

/// <summary>Whether a location path looks like a WebSocket endpoint: a segment such as <c>ws</c>, <c>socket.io</c> or <c>cable</c>.</summary>
internal static class NginxWebSocketHints
{
    private static readonly FrozenSet<string> Segments = new[]
    {
        "ws", "wss", "websocket", "websockets", "socket.io", "sockjs", "cable", "signalr",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly char[] Separators = ['/', '_', '-', '^', '$', '*', '?', '(', ')', '|', '[', ']', '~', '@', ' ', '+', '='];

    public static bool PathLooksLikeWebSocket(string path) =>
        path.Replace("\\", "", StringComparison.Ordinal)
            .Split(Separators, StringSplitOptions.RemoveEmptyEntries)
            .Any(Segments.Contains);
}
