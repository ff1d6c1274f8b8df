using Microsoft.IdentityModel.Tokens;

namespace Medic.Probes.Jwt;

/// <summary>Where a JWKS came from and what it held, or why it could not be had.</summary>
internal sealed record JwksDocument(string Source, string Location, IReadOnlyList<JsonWebKey> Keys, JwksError? Error)
{
    public bool Fetched => Error is null;
}
