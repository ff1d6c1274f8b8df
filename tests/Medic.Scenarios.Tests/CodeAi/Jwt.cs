using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Medic.Scenarios.Tests.CodeAi;

/// <summary>Builds real HS256 tokens for the scenarios.</summary>
internal static class Jwt
{
    public static string Hs256(string secret, string issuer, string audience, DateTimeOffset expires)
    {
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT" }));
        var claims = Encode(JsonSerializer.SerializeToUtf8Bytes(new
        {
            iss = issuer,
            aud = audience,
            sub = "user-42",
            iat = expires.AddHours(-1).ToUnixTimeSeconds(),
            exp = expires.ToUnixTimeSeconds(),
        }));
        var signature = Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(header + "." + claims)));
        return header + "." + claims + "." + signature;
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
