using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Medic.Probes.Tests.Jwt;

/// <summary>
/// Mints JWTs with the BCL alone (not the library the probe uses), so a probe that verified nothing, or verified
/// wrongly, would disagree with these tokens.
/// </summary>
internal static class TestTokens
{
    public const string Issuer = "https://auth.codeai.test";
    public const string Audience = "codeai-api";

    /// <summary>Standard claims around <paramref name="now"/>, plus a personal claim whose value must never be shown.</summary>
    public static JsonObject Claims(DateTimeOffset now, TimeSpan? expiresIn = null, TimeSpan? notBefore = null, string iss = Issuer,
        JsonNode? aud = null, TimeSpan? issuedAgo = null)
    {
        var claims = new JsonObject
        {
            ["iss"] = iss,
            ["sub"] = "user-42",
            ["aud"] = aud ?? Audience,
            ["iat"] = (now - (issuedAgo ?? TimeSpan.FromMinutes(5))).ToUnixTimeSeconds(),
            ["exp"] = (now + (expiresIn ?? TimeSpan.FromHours(1))).ToUnixTimeSeconds(),
            ["email"] = PersonalEmail,
            ["roles"] = new JsonArray("admin"),
        };
        if (notBefore is { } nbf)
        {
            claims["nbf"] = (now + nbf).ToUnixTimeSeconds();
        }

        return claims;
    }

    public const string PersonalEmail = "alice.secret-person@example.test";

    public static string Hs256(string secret, JsonObject claims, string alg = "HS256")
    {
        var input = Input(new JsonObject { ["alg"] = alg, ["typ"] = "JWT" }, claims);
        var key = Encoding.UTF8.GetBytes(secret);
        var mac = alg switch
        {
            "HS512" => HMACSHA512.HashData(key, Encoding.ASCII.GetBytes(input)),
            _ => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(input)),
        };
        return input + "." + Base64Url.EncodeToString(mac);
    }

    public static string Rs256(RSA key, string? kid, JsonObject claims)
    {
        var input = Input(Header("RS256", kid), claims);
        var signature = key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return input + "." + Base64Url.EncodeToString(signature);
    }

    public static string Es256(ECDsa key, string? kid, JsonObject claims)
    {
        var input = Input(Header("ES256", kid), claims);

        // JOSE wants r||s (IEEE P1363), which is what SignData produces by default.
        var signature = key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return input + "." + Base64Url.EncodeToString(signature);
    }

    public static string Unsigned(JsonObject claims) => Input(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" }, claims) + ".";

    /// <summary>A JWK Set holding the public halves of <paramref name="keys"/>.</summary>
    public static string Jwks(params (string Kid, AsymmetricAlgorithm Key)[] keys)
    {
        var list = new JsonArray();
        foreach (var (kid, key) in keys)
        {
            list.Add(key switch
            {
                RSA rsa => RsaJwk(kid, rsa.ExportParameters(false)),
                ECDsa ec => EcJwk(kid, ec.ExportParameters(false)),
                _ => throw new ArgumentException("RSA or ECDsa keys only", nameof(keys)),
            });
        }

        return new JsonObject { ["keys"] = list }.ToJsonString();
    }

    private static JsonObject RsaJwk(string kid, RSAParameters p) => new()
    {
        ["kty"] = "RSA",
        ["use"] = "sig",
        ["alg"] = "RS256",
        ["kid"] = kid,
        ["n"] = Base64Url.EncodeToString(p.Modulus),
        ["e"] = Base64Url.EncodeToString(p.Exponent),
    };

    private static JsonObject EcJwk(string kid, ECParameters p) => new()
    {
        ["kty"] = "EC",
        ["use"] = "sig",
        ["alg"] = "ES256",
        ["kid"] = kid,
        ["crv"] = "P-256",
        ["x"] = Base64Url.EncodeToString(p.Q.X),
        ["y"] = Base64Url.EncodeToString(p.Q.Y),
    };

    private static JsonObject Header(string alg, string? kid)
    {
        var header = new JsonObject { ["alg"] = alg, ["typ"] = "JWT" };
        if (kid is not null)
        {
            header["kid"] = kid;
        }

        return header;
    }

    private static string Input(JsonObject header, JsonObject claims) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header.ToJsonString())) + "."
        + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims.ToJsonString()));
}
