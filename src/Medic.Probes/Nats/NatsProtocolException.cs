namespace Medic.Probes.Nats;

/// <summary>The peer sent something that is not the NATS protocol (a line too long, an unexpected operation, bad JSON).</summary>
internal sealed class NatsProtocolException(string message) : Exception(message);
