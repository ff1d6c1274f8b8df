using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Medic.Scenarios.Tests.Support;

/// <summary>HS256 tokens as PMA and AriesOne issue them, signed with a given secret.</summary>
internal static class Jwt
{
    public static string Hs256(string secret, DateTimeOffset expires, string subject = "user-1")
    {
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT" }));
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(new
        {
            sub = subject,
            iat = expires.AddHours(-1).ToUnixTimeSeconds(),
            exp = expires.ToUnixTimeSeconds(),
        }));
        var signature = Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(header + "." + payload)));
        return header + "." + payload + "." + signature;
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
