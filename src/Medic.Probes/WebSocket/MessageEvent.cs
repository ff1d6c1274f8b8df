namespace Medic.Probes.WebSocket;

/// <summary>A whole data message; <see cref="Text"/> holds its start (UTF-8 text, or a note for binary data).</summary>
internal sealed record MessageEvent(long At, bool Binary, long Length, string Text) : WebSocketEvent(At);
