namespace Medic.Probes.WebSocket;

/// <summary>The peer broke HTTP or RFC 6455 framing; reported as a <c>protocol</c> error.</summary>
internal sealed class WebSocketProtocolException : Exception
{
    public WebSocketProtocolException()
    {
    }

    public WebSocketProtocolException(string message)
        : base(message)
    {
    }

    public WebSocketProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
