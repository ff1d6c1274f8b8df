namespace Medic.Probes.Jwt;

/// <summary>
/// What checking a token's signature found. <see cref="Problem"/> is the <see cref="JwtProblems"/> entry it
/// raises (a missing secret, an unreachable JWKS, an unknown key id, a bad signature), or null.
/// </summary>
internal sealed record SignatureCheck(bool Checked, bool? Valid, string Method, string? Reason, string? Problem = null)
{
    public static SignatureCheck NotChecked(string method, string reason, string? problem = null) => new(false, null, method, reason, problem);
}
