using System.Text.Json.Nodes;
using Shouldly;
using Xunit;
using static Medic.Probes.Tests.Jwt.TestTokens;

namespace Medic.Probes.Tests.Jwt;

/// <summary>HS256 tokens and the claims every token is judged on: time, issuer, audience, algorithm.</summary>
public sealed class JwtInspectProbeTests
{
    private const string Secret = "codeai-test-signing-secret-0123456789";
    private static readonly DateTimeOffset Now = FixedClock.Noon;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonObject Settings(string token, string? secret = Secret) => new()
    {
        ["token"] = token,
        ["secret"] = secret,
        ["issuer"] = Issuer,
        ["audience"] = Audience,
    };

    [Fact]
    public async Task A_good_hs256_token_has_no_problem_and_a_verified_signature()
    {
        var data = await JwtProbeRun.InspectAsync(Settings(Hs256(Secret, Claims(Now))), Ct);

        data.Code().ShouldBeNull();
        data.Problems().ShouldBeEmpty();
        data["signature"]!["checked"]!.GetValue<bool>().ShouldBeTrue();
        data["signature"]!["valid"]!.GetValue<bool>().ShouldBeTrue();
        data["signature"]!["method"]!.GetValue<string>().ShouldBe("hs256-secret");
        data["header"]!["alg"]!.GetValue<string>().ShouldBe("HS256");
        data["claims"]!["iss"]!.GetValue<string>().ShouldBe(Issuer);
        data["claims"]!["sub"]!.GetValue<string>().ShouldBe("user-42");
        data["issuer_ok"]!.GetValue<bool>().ShouldBeTrue();
        data["audience_ok"]!.GetValue<bool>().ShouldBeTrue();
        data["algorithm_supported"]!.GetValue<bool>().ShouldBeTrue();
        data["expired"]!.GetValue<bool>().ShouldBeFalse();
        data["expires_in_ms"]!.GetValue<double>().ShouldBe(3_600_000);
        data["lifetime_ms"]!.GetValue<double>().ShouldBe(3_900_000);
    }

    [Fact]
    public async Task A_short_secret_still_verifies_as_services_accept_one()
    {
        var data = await JwtProbeRun.InspectAsync(Settings(Hs256("short", Claims(Now)), secret: "short"), Ct);

        data["signature"]!["valid"]!.GetValue<bool>().ShouldBeTrue();
        data.Code().ShouldBeNull();
    }

    [Fact]
    public async Task A_token_signed_with_another_secret_has_a_bad_signature()
    {
        var data = await JwtProbeRun.InspectAsync(Settings(Hs256("some-other-secret-entirely-0123456789", Claims(Now))), Ct);

        data.Code().ShouldBe("AUTH001");
        data["message"]!.GetValue<string>().ShouldBe("invalid token");
        data.Problems().ShouldBe(["bad-signature"]);
        data["signature"]!["valid"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task An_hs256_token_without_a_configured_secret_is_auth008()
    {
        var data = await JwtProbeRun.InspectAsync(Settings(Hs256(Secret, Claims(Now)), secret: null), Ct);

        data.Code().ShouldBe("AUTH008");
        data.Problems().ShouldBe(["secret-missing"]);
        data["signature"]!["checked"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task A_token_expired_two_hours_ago_says_for_how_long()
    {
        var data = await JwtProbeRun.InspectAsync(Settings(Hs256(Secret, Claims(Now, expiresIn: TimeSpan.FromHours(-2), issuedAgo: TimeSpan.FromHours(3)))), Ct);

        data.Code().ShouldBe("AUTH002");
        data["message"]!.GetValue<string>().ShouldBe("token has expired");
        data.Problems().ShouldBe(["expired"]);
        data["expired"]!.GetValue<bool>().ShouldBeTrue();
        data["expired_for_ms"]!.GetValue<double>().ShouldBe(7_200_000);
        data["expires_at"]!.GetValue<string>().ShouldBe("2026-03-14T10:00:00Z");
        data["lifetime_ms"]!.GetValue<double>().ShouldBe(3_600_000);
    }

    [Fact]
    public async Task Clock_skew_forgives_a_token_that_expired_moments_ago()
    {
        var settings = Settings(Hs256(Secret, Claims(Now, expiresIn: TimeSpan.FromSeconds(-30))));
        settings["clock_skew"] = 60_000L;

        var data = await JwtProbeRun.InspectAsync(settings, Ct);

        data["expired"]!.GetValue<bool>().ShouldBeFalse();
        data.Code().ShouldBeNull();
    }

    [Fact]
    public async Task A_token_whose_nbf_is_in_the_future_is_not_yet_valid()
    {
        var data = await JwtProbeRun.InspectAsync(Settings(Hs256(Secret, Claims(Now, notBefore: TimeSpan.FromMinutes(10)))), Ct);

        data.Code().ShouldBe("AUTH001");
        data.Problems().ShouldBe(["not-yet-valid"]);
        data["not_yet_valid"]!.GetValue<bool>().ShouldBeTrue();
        data["starts_in_ms"]!.GetValue<double>().ShouldBe(600_000);
    }

    [Fact]
    public async Task A_foreign_issuer_is_auth003_and_both_issuers_are_shown()
    {
        var data = await JwtProbeRun.InspectAsync(Settings(Hs256(Secret, Claims(Now, iss: "https://evil.test"))), Ct);

        data.Code().ShouldBe("AUTH003");
        data.Problems().ShouldBe(["issuer-mismatch"]);
        data["issuer_ok"]!.GetValue<bool>().ShouldBeFalse();
        data["claims"]!["iss"]!.GetValue<string>().ShouldBe("https://evil.test");
        data["expected"]!["issuer"]!.GetValue<string>().ShouldBe(Issuer);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_auth004()
    {
        var data = await JwtProbeRun.InspectAsync(Settings(Hs256(Secret, Claims(Now, aud: "billing-api"))), Ct);

        data.Code().ShouldBe("AUTH004");
        data.Problems().ShouldBe(["audience-mismatch"]);
        data["audience_ok"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task An_audience_list_that_includes_the_expected_audience_is_accepted()
    {
        var data = await JwtProbeRun.InspectAsync(Settings(Hs256(Secret, Claims(Now, aud: new JsonArray("billing-api", Audience)))), Ct);

        data["audience_ok"]!.GetValue<bool>().ShouldBeTrue();
        data["claims"]!["aud"]!.AsArray().Count.ShouldBe(2);
        data.Code().ShouldBeNull();
    }

    [Fact]
    public async Task Without_expectations_issuer_and_audience_are_not_judged()
    {
        var data = await JwtProbeRun.InspectAsync(new JsonObject { ["token"] = Hs256(Secret, Claims(Now, iss: "x")), ["secret"] = Secret }, Ct);

        data["issuer_ok"].ShouldBeNull();
        data["audience_ok"].ShouldBeNull();
        data.Code().ShouldBeNull();
    }

    [Fact]
    public async Task Several_problems_are_all_listed_and_the_code_is_the_first_a_validator_meets()
    {
        var data = await JwtProbeRun.InspectAsync(
            Settings(Hs256(Secret, Claims(Now, expiresIn: TimeSpan.FromHours(-1), iss: "https://evil.test", aud: "other"))), Ct);

        data.Problems().ShouldBe(["expired", "issuer-mismatch", "audience-mismatch"]);
        data.Code().ShouldBe("AUTH002");
    }

    [Fact]
    public async Task Alg_none_is_unsupported_even_when_listed()
    {
        var settings = Settings(Unsigned(Claims(Now)));
        settings["algorithms"] = new JsonArray("none", "HS256");

        var data = await JwtProbeRun.InspectAsync(settings, Ct);

        data.Code().ShouldBe("AUTH007");
        data["message"]!.GetValue<string>().ShouldBe("unsupported signing algorithm");
        data.Problems().ShouldBe(["unsupported-algorithm"]);
        data["algorithm_supported"]!.GetValue<bool>().ShouldBeFalse();
        data["signature"]!["method"]!.GetValue<string>().ShouldBe("none");
        data["signature"]!["checked"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task An_algorithm_outside_the_configured_list_is_unsupported()
    {
        var settings = Settings(Hs256(Secret, Claims(Now), alg: "HS512"));

        var data = await JwtProbeRun.InspectAsync(settings, Ct);

        data.Code().ShouldBe("AUTH007");
        data["signature"]!["reason"]!.GetValue<string>().ShouldContain("HS256, RS256, ES256");
    }

    [Fact]
    public async Task A_listed_hs512_token_is_verified()
    {
        var settings = Settings(Hs256(Secret, Claims(Now), alg: "HS512"));
        settings["algorithms"] = new JsonArray("HS512");

        var data = await JwtProbeRun.InspectAsync(settings, Ct);

        data["signature"]!["valid"]!.GetValue<bool>().ShouldBeTrue();
        data["signature"]!["method"]!.GetValue<string>().ShouldBe("hs512-secret");
    }

    [Fact]
    public async Task A_bearer_prefix_is_tolerated()
    {
        var data = await JwtProbeRun.InspectAsync(Settings("Bearer " + Hs256(Secret, Claims(Now))), Ct);

        data.Code().ShouldBeNull();
    }

    [Fact]
    public async Task A_base64_secret_is_decoded_when_the_component_says_so()
    {
        var raw = "0123456789abcdef0123456789abcdef";
        var settings = Settings(Hs256(raw, Claims(Now)), secret: Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(raw)));
        settings["secret_encoding"] = "base64";

        var data = await JwtProbeRun.InspectAsync(settings, Ct);

        data["signature"]!["valid"]!.GetValue<bool>().ShouldBeTrue();
    }
}
