namespace Medic.Probes.Nats;

/// <summary>A failure talking to NATS, classified into one of the stable error kinds.</summary>
internal sealed record NatsFailure(string Kind, string Message);
