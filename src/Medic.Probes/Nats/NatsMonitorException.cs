namespace Medic.Probes.Nats;

/// <summary>The monitoring endpoint answered, but not with what a nats-server serves (an HTTP error, not JSON).</summary>
internal sealed class NatsMonitorException(string kind, string message, int? statusCode = null) : Exception(message)
{
    public string Kind { get; } = kind;

    public int? StatusCode { get; } = statusCode;
}
