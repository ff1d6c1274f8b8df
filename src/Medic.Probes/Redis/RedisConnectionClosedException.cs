namespace Medic.Probes.Redis;

/// <summary>The server closed the connection before a reply was complete.</summary>
internal sealed class RedisConnectionClosedException(string message) : Exception(message);
