using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Medic.Probes.Jwt;

/// <summary>
/// Verifies a decoded token's signature: HMAC with the configured secret, RSA and ECDSA with a key from the JWKS
/// (Microsoft.IdentityModel's crypto providers, which read JWKs and JOSE's raw ECDSA signatures). HMAC is computed
/// here because IdentityModel refuses secrets shorter than 256 bits, which many services nevertheless use.
/// </summary>
internal static class JwtSignature
{
    public static bool IsHmac(string alg) => alg is "HS256" or "HS384" or "HS512";

    public static bool IsAsymmetric(string alg) => alg is "RS256" or "RS384" or "RS512" or "PS256" or "PS384" or "PS512"
        or "ES256" or "ES384" or "ES512";

    public static SignatureCheck WithSecret(JoseToken token, string alg, JwtSettings settings)
    {
        var method = alg.ToLowerInvariant() + "-secret";
        if (settings.SecretProblem is { } problem)
        {
            return SignatureCheck.NotChecked(method, problem);
        }

        if (settings.Secret is not { Length: > 0 } secret)
        {
            return SignatureCheck.NotChecked(method, $"{alg} is symmetric and no secret is configured", JwtProblems.SecretMissing);
        }

        var input = Encoding.ASCII.GetBytes(token.SigningInput);
        var expected = alg switch
        {
            "HS384" => HMACSHA384.HashData(secret, input),
            "HS512" => HMACSHA512.HashData(secret, input),
            _ => HMACSHA256.HashData(secret, input),
        };
        return CryptographicOperations.FixedTimeEquals(expected, token.Signature ?? [])
            ? new SignatureCheck(true, true, method, null)
            : new SignatureCheck(true, false, method, "the signature does not match the configured secret", JwtProblems.BadSignature);
    }

    /// <summary>Verifies against the JWKS key the token names (or, without a kid, every key that could have signed it).</summary>
    public static SignatureCheck WithJwks(JoseToken token, string alg, JwksDocument jwks, out bool? kidFound)
    {
        kidFound = null;
        if (jwks.Error is { } error)
        {
            return SignatureCheck.NotChecked("jwks", $"the JWKS could not be read ({error.Kind})", JwtProblems.JwksUnavailable);
        }

        var kid = token.KeyId;
        var candidates = kid is null
            ? jwks.Keys.Where(k => Fits(k, alg)).ToList()
            : jwks.Keys.Where(k => string.Equals(k.Kid, kid, StringComparison.Ordinal)).ToList();
        if (kid is not null)
        {
            kidFound = candidates.Count > 0;
        }

        if (candidates.Count == 0)
        {
            var reason = kid is null
                ? $"the token names no kid and the JWKS has no {KeyType(alg)} key"
                : $"no key with kid '{kid}' in the JWKS ({jwks.Keys.Count} keys)";
            return SignatureCheck.NotChecked("jwks", reason, JwtProblems.KidNotInJwks);
        }

        var input = Encoding.ASCII.GetBytes(token.SigningInput);
        string? lastReason = null;
        foreach (var key in candidates)
        {
            if (Verify(key, alg, input, token.Signature ?? [], out lastReason))
            {
                return new SignatureCheck(true, true, "jwks", null);
            }
        }

        return new SignatureCheck(true, false, "jwks", lastReason, JwtProblems.BadSignature);
    }

    private static bool Verify(JsonWebKey key, string alg, byte[] input, byte[] signature, out string? reason)
    {
        var name = key.Kid is null ? "the JWKS key" : $"key '{key.Kid}'";
        var factory = CryptoProviderFactory.Default;
        if (!Fits(key, alg) || !factory.IsSupportedAlgorithm(alg, key))
        {
            reason = $"{name} is an {key.Kty} key and cannot verify {alg}";
            return false;
        }

        try
        {
            var provider = factory.CreateForVerifying(key, alg);
            try
            {
                reason = "the signature does not match " + name;
                return provider.Verify(input, signature);
            }
            finally
            {
                factory.ReleaseSignatureProvider(provider);
            }
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or InvalidOperationException or CryptographicException
            or SecurityTokenException or FormatException)
        {
            // IdentityModel's messages hide key material already (PII logging is off); keep only the kind of failure.
            reason = $"{name} cannot be used for {alg} ({e.GetType().Name})";
            return false;
        }
    }

    private static bool Fits(JsonWebKey key, string alg) =>
        string.Equals(key.Kty, KeyType(alg), StringComparison.Ordinal)
        && (key.Use is null or "" or "sig")
        && (string.IsNullOrEmpty(key.Alg) || string.Equals(key.Alg, alg, StringComparison.Ordinal));

    private static string KeyType(string alg) => alg.StartsWith("ES", StringComparison.Ordinal) ? "EC" : "RSA";
}
