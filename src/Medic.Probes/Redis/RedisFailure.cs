namespace Medic.Probes.Redis;

/// <summary>A classified failure: an <c>ErrorKinds</c> kind, a message free of secrets, and the server's error code if any.</summary>
internal sealed record RedisFailure(string Kind, string Message, string? Code = null);
