namespace Medic.Probes.WebSocket;

/// <summary>Where the handshake is and when it got there, so a failure can say how far it came.</summary>
internal sealed class HandshakeTrace(TimeProvider time)
{
    private readonly long _started = time.GetTimestamp();

    public HandshakeStage Stage { get; set; } = HandshakeStage.Connect;

    /// <summary>Time to open the TCP connection, once it is open.</summary>
    public TimeSpan? ConnectTime { get; private set; }

    public void Connected() => ConnectTime = time.GetElapsedTime(_started);

    public TimeSpan Elapsed => time.GetElapsedTime(_started);
}
