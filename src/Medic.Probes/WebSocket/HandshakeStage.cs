namespace Medic.Probes.WebSocket;

/// <summary>How far the opening handshake got; a failure is classified by the stage it stopped in.</summary>
internal enum HandshakeStage
{
    Connect,
    Tls,
    Upgrade,
    Open,
}
