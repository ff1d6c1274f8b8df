using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Medic.Scenarios.Tests.CodeAi;

/// <summary>Builds real signed tokens (HS256, RS256) and a JWKS document for the scenarios.</summary>
internal static class Jwt
{
    public static string Hs256(string secret, string issuer, string audience, DateTimeOffset expires, string alg = "HS256")
    {
        var (header, claims) = Parts(new { alg, typ = "JWT" }, issuer, audience, expires);
        var signature = Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(header + "." + claims)));
        return header + "." + claims + "." + signature;
    }

    public static string Rs256(RSA key, string kid, string issuer, string audience, DateTimeOffset expires)
    {
        var (header, claims) = Parts(new { alg = "RS256", typ = "JWT", kid }, issuer, audience, expires);
        var signature = Encode(key.SignData(Encoding.ASCII.GetBytes(header + "." + claims), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return header + "." + claims + "." + signature;
    }

    /// <summary>A JWKS with the public half of <paramref name="key"/> under <paramref name="kid"/>.</summary>
    public static string Jwks(RSA key, string kid)
    {
        var p = key.ExportParameters(includePrivateParameters: false);
        return JsonSerializer.Serialize(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid, n = Encode(p.Modulus!), e = Encode(p.Exponent!) } } });
    }

    private static (string Header, string Claims) Parts(object header, string issuer, string audience, DateTimeOffset expires) =>
        (Encode(JsonSerializer.SerializeToUtf8Bytes(header)), Encode(JsonSerializer.SerializeToUtf8Bytes(new
        {
            iss = issuer,
            aud = audience,
            sub = "user-42",
            iat = expires.AddHours(-1).ToUnixTimeSeconds(),
            exp = expires.ToUnixTimeSeconds(),
        })));

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
