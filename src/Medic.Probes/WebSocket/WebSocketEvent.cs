namespace Medic.Probes.WebSocket;

/// <summary>Something the server did after the upgrade, stamped (<see cref="TimeProvider.GetTimestamp"/>) when it arrived.</summary>
internal abstract record WebSocketEvent(long At);
