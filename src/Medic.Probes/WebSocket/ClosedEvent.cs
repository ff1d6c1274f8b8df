namespace Medic.Probes.WebSocket;

/// <summary>
/// The connection ended: with a close frame (<see cref="Status"/> and <see cref="Reason"/> set), or without one
/// (<see cref="Error"/> says how: closed, reset, a framing error). A proxy timing out closes TCP without a close
/// frame, since it does not speak WebSocket; a server that drops idle clients usually sends one.
/// </summary>
internal sealed record ClosedEvent(long At, int? Status, string? Reason, string? Error) : WebSocketEvent(At);
