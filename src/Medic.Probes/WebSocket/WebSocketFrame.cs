namespace Medic.Probes.WebSocket;

/// <summary>One frame as read: its payload is cut at the reader's limit, <see cref="Length"/> is what the server sent.</summary>
internal sealed record WebSocketFrame(bool Fin, WebSocketOpcode Opcode, byte[] Payload, long Length);
