namespace Medic.Probes.Nats;

/// <summary>The server closed the connection while the probe still expected a line from it.</summary>
internal sealed class NatsConnectionClosedException(string message) : Exception(message);
