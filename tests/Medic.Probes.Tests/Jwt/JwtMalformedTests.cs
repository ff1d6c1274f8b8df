using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using Shouldly;
using Xunit;
using static Medic.Probes.Tests.Jwt.TestTokens;

namespace Medic.Probes.Tests.Jwt;

/// <summary>A malformed or absent token is an observation (status ok, a code), never a probe failure.</summary>
public sealed class JwtMalformedTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("not-a-token", "1 segment(s)")]
    [InlineData("abc.def", "2 segment(s)")]
    [InlineData("!!!.e30.sig", "header is not base64url")]
    [InlineData("e30.e30.c2ln", "no 'alg'")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln", "payload is not JSON")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.WzFd.c2ln", "payload is JSON but not an object")]
    [InlineData("a.b.c.d.e", "encrypted token")]
    public async Task Garbage_is_malformed_with_a_reason(string token, string reason)
    {
        var data = await JwtProbeRun.InspectAsync(new JsonObject { ["token"] = token, ["secret"] = "s" }, Ct);

        data.Code().ShouldBe("AUTH001");
        data.Problems().ShouldBe(["malformed"]);
        data["malformed"]!.GetValue<string>().ShouldContain(reason);
        data["signature"]!["checked"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task A_string_exp_is_malformed_but_the_header_is_still_shown()
    {
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"alg":"HS256","kid":"k7"}"""));
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"exp":"tomorrow","sub":"u"}"""));

        var data = await JwtProbeRun.InspectAsync(new JsonObject { ["token"] = $"{header}.{payload}.c2ln" }, Ct);

        data.Code().ShouldBe("AUTH001");
        data["malformed"]!.GetValue<string>().ShouldContain("'exp' is not a NumericDate");
        data["header"]!["kid"]!.GetValue<string>().ShouldBe("k7");
        data["claims"]!["names"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["exp", "sub"]);
    }

    [Fact]
    public async Task A_duplicate_claim_is_malformed()
    {
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"alg":"HS256"}"""));
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"sub":"a","sub":"b"}"""));

        var data = await JwtProbeRun.InspectAsync(new JsonObject { ["token"] = $"{header}.{payload}.c2ln" }, Ct);

        data.Problems().ShouldBe(["malformed"]);
        data["malformed"]!.GetValue<string>().ShouldContain("twice");
    }

    [Fact]
    public async Task An_empty_token_is_auth005_missing()
    {
        var data = await JwtProbeRun.InspectAsync(new JsonObject { ["token"] = "  " }, Ct);

        data.Code().ShouldBe("AUTH005");
        data["message"]!.GetValue<string>().ShouldBe("missing authentication token");
        data.Problems().ShouldBe(["missing-token"]);
        data["token_fingerprint"].ShouldBeNull();
    }

    [Fact]
    public async Task The_fingerprint_tells_tokens_apart_without_showing_them()
    {
        var now = FixedClock.Noon;
        var a = await JwtProbeRun.InspectAsync(new JsonObject { ["token"] = Hs256("k", Claims(now)) }, Ct);
        var b = await JwtProbeRun.InspectAsync(new JsonObject { ["token"] = Hs256("k", Claims(now, iss: "other")) }, Ct);
        var again = await JwtProbeRun.InspectAsync(new JsonObject { ["token"] = Hs256("k", Claims(now)) }, Ct);

        a["token_fingerprint"]!.GetValue<string>().ShouldMatch("^[0-9a-f]{8}$");
        a["token_fingerprint"]!.GetValue<string>().ShouldNotBe(b["token_fingerprint"]!.GetValue<string>());
        a["token_fingerprint"]!.GetValue<string>().ShouldBe(again["token_fingerprint"]!.GetValue<string>());
    }
}
