namespace Medic.Probes.Jwt;

/// <summary>Why a JWKS could not be had: a stable error kind, a message, and the HTTP status when there was one.</summary>
internal sealed record JwksError(string Kind, string Message, int? StatusCode = null);
