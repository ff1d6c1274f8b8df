namespace Medic.Probes.Jwt;

/// <summary>
/// What can be wrong with a token, in the order a validator meets them, each with the CodeAI guide's code
/// (Error Messages Reference, AUTH001–AUTH009). The observation's <c>code</c> is the code of the first problem found.
/// </summary>
internal static class JwtProblems
{
    public const string MissingToken = "missing-token";
    public const string Malformed = "malformed";
    public const string UnsupportedAlgorithm = "unsupported-algorithm";
    public const string SecretMissing = "secret-missing";
    public const string JwksUnavailable = "jwks-unavailable";
    public const string KidNotInJwks = "kid-not-in-jwks";
    public const string BadSignature = "bad-signature";
    public const string Expired = "expired";
    public const string NotYetValid = "not-yet-valid";
    public const string IssuerMismatch = "issuer-mismatch";
    public const string AudienceMismatch = "audience-mismatch";

    /// <summary>Validation order: a token with several problems reports the code of the one a validator hits first.</summary>
    public static IReadOnlyList<string> Order { get; } =
    [
        MissingToken, Malformed, UnsupportedAlgorithm, SecretMissing, JwksUnavailable, KidNotInJwks, BadSignature,
        Expired, NotYetValid, IssuerMismatch, AudienceMismatch,
    ];

    /// <summary>
    /// The guide has no code of its own for a token that is not valid yet; CodeAI's validator reports every token
    /// error but expiry as <c>invalid token</c>, so it is AUTH001 like a bad signature.
    /// </summary>
    public static string CodeOf(string problem) => problem switch
    {
        MissingToken => "AUTH005",
        Malformed or BadSignature or NotYetValid => "AUTH001",
        Expired => "AUTH002",
        IssuerMismatch => "AUTH003",
        AudienceMismatch => "AUTH004",
        KidNotInJwks => "AUTH006",
        UnsupportedAlgorithm => "AUTH007",
        SecretMissing => "AUTH008",
        JwksUnavailable => "AUTH009",
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "unknown JWT problem"),
    };
}
