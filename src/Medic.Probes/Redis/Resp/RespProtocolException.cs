namespace Medic.Probes.Redis.Resp;

/// <summary>The server sent something that is not a well-formed RESP2 reply, or one beyond our limits.</summary>
internal sealed class RespProtocolException(string message) : Exception(message);
