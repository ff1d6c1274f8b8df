using System.Text.Json.Nodes;
using Medic.Probes.Jwt;
using Shouldly;
using Xunit;
using static Medic.Probes.Tests.Jwt.TestTokens;

namespace Medic.Probes.Tests.Jwt;

/// <summary>Whatever the token's state, the observation never carries the token, its parts, the secret, or private claims.</summary>
public sealed class JwtSecrecyTests(JwksServer server) : IClassFixture<JwksServer>
{
    private const string Secret = "s3cr3t-value-that-must-never-leak-0123456789";
    private static readonly DateTimeOffset Now = FixedClock.Noon;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Kinds() => ["valid-hs256", "bad-signature", "expired", "wrong-issuer", "no-secret", "rs256", "kid-missing",
        "jwks-refused", "alg-none", "malformed-payload"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_serialized_observation_holds_neither_token_nor_secret_nor_private_claim_values(string kind)
    {
        var (token, settings) = Case(kind);
        settings["token"] = token;

        var result = await new JwtInspectProbe().RunAsync(JwtProbeRun.Context(settings), Ct);
        var json = result.Data!.ToJsonString() + (result.Error?.Message ?? "");

        json.ShouldNotContain(token);
        json.ShouldNotContain(Secret);
        foreach (var segment in token.Split('.').Where(s => s.Length >= 8))
        {
            json.ShouldNotContain(segment);
        }

        json.ShouldNotContain(PersonalEmail);
        json.ShouldNotContain("admin");
        if (kind != "malformed-payload")
        {
            result.Data!["claims"]!["names"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldContain("email");
        }
    }

    private (string Token, JsonObject Settings) Case(string kind)
    {
        var withSecret = new JsonObject { ["secret"] = Secret, ["issuer"] = Issuer };
        var withJwks = new JsonObject { ["jwks"] = server.JwksUrl };
        return kind switch
        {
            "valid-hs256" => (Hs256(Secret, Claims(Now)), withSecret),
            "bad-signature" => (Hs256(Secret + "x", Claims(Now)), withSecret),
            "expired" => (Hs256(Secret, Claims(Now, expiresIn: TimeSpan.FromHours(-2))), withSecret),
            "wrong-issuer" => (Hs256(Secret, Claims(Now, iss: "https://evil.test")), withSecret),
            "no-secret" => (Hs256(Secret, Claims(Now)), []),
            "rs256" => (Rs256(server.Rsa, "rsa-1", Claims(Now)), withJwks),
            "kid-missing" => (Rs256(server.Rsa, "gone", Claims(Now)), withJwks),
            "jwks-refused" => (Rs256(server.Rsa, "rsa-1", Claims(Now)), new JsonObject { ["jwks"] = $"http://127.0.0.1:{NetSupport.LoopbackPorts.Closed()}/jwks.json" }),
            "alg-none" => (Unsigned(Claims(Now)), withSecret),
            "malformed-payload" => (Hs256(Secret, Claims(Now))[..40] + "!!." + "c2lnbmF0dXJlLWJ5dGVz", withSecret),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}
