using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Probes.Jwt;
using Medic.Probes.Tests.NetSupport;
using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;
using static Medic.Probes.Tests.Jwt.TestTokens;

namespace Medic.Probes.Tests.Jwt;

/// <summary>RS256 and ES256 tokens verified against a JWKS served over HTTP by Kestrel, or read from a file.</summary>
public sealed class JwtJwksTests(JwksServer server) : IClassFixture<JwksServer>
{
    private static readonly DateTimeOffset Now = FixedClock.Noon;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonObject Settings(string token, string jwks) => new()
    {
        ["token"] = token,
        ["jwks"] = jwks,
        ["issuer"] = Issuer,
        ["audience"] = Audience,
    };

    [Fact]
    public async Task An_rs256_token_verifies_against_the_jwks_url()
    {
        var data = await JwtProbeRun.InspectAsync(Settings(Rs256(server.Rsa, "rsa-1", Claims(Now)), server.JwksUrl), Ct);

        data.Code().ShouldBeNull();
        data["signature"]!["valid"]!.GetValue<bool>().ShouldBeTrue();
        data["signature"]!["method"]!.GetValue<string>().ShouldBe("jwks");
        data["jwks"]!["source"]!.GetValue<string>().ShouldBe("url");
        data["jwks"]!["fetched"]!.GetValue<bool>().ShouldBeTrue();
        data["jwks"]!["key_count"]!.GetValue<int>().ShouldBe(2);
        data["jwks"]!["kid_found"]!.GetValue<bool>().ShouldBeTrue();
        data["jwks"]!["error"].ShouldBeNull();
    }

    [Fact]
    public async Task An_es256_token_verifies_against_the_jwks_url()
    {
        var data = await JwtProbeRun.InspectAsync(Settings(Es256(server.Ec, "ec-1", Claims(Now)), server.JwksUrl), Ct);

        data.Code().ShouldBeNull();
        data["header"]!["alg"]!.GetValue<string>().ShouldBe("ES256");
        data["signature"]!["valid"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task A_token_without_kid_is_verified_against_the_key_of_its_type()
    {
        var data = await JwtProbeRun.InspectAsync(Settings(Es256(server.Ec, null, Claims(Now)), server.JwksUrl), Ct);

        data["signature"]!["valid"]!.GetValue<bool>().ShouldBeTrue();
        data["jwks"]!["kid_found"].ShouldBeNull();
    }

    [Fact]
    public async Task The_jwks_can_be_a_file_relative_to_the_system_file()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("jwks.json"), server.Jwks, Ct);

        var data = await JwtProbeRun.InspectAsync(Settings(Rs256(server.Rsa, "rsa-1", Claims(Now)), "jwks.json"), Ct, baseDirectory: folder.Path);

        data.Code().ShouldBeNull();
        data["jwks"]!["source"]!.GetValue<string>().ShouldBe("file");
        data["jwks"]!["location"]!.GetValue<string>().ShouldBe(folder.File("jwks.json"));
        data["signature"]!["valid"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task A_kid_missing_from_the_jwks_is_auth006()
    {
        var data = await JwtProbeRun.InspectAsync(Settings(Rs256(server.Rsa, "rotated-away", Claims(Now)), server.JwksUrl), Ct);

        data.Code().ShouldBe("AUTH006");
        data["message"]!.GetValue<string>().ShouldBe("signing key not found");
        data.Problems().ShouldBe(["kid-not-in-jwks"]);
        data["jwks"]!["kid_found"]!.GetValue<bool>().ShouldBeFalse();
        data["jwks"]!["kids"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["rsa-1", "ec-1"]);
    }

    [Fact]
    public async Task A_token_signed_by_another_key_under_a_known_kid_has_a_bad_signature()
    {
        using var impostor = RSA.Create(2048);

        var data = await JwtProbeRun.InspectAsync(Settings(Rs256(impostor, "rsa-1", Claims(Now)), server.JwksUrl), Ct);

        data.Code().ShouldBe("AUTH001");
        data.Problems().ShouldBe(["bad-signature"]);
        data["signature"]!["checked"]!.GetValue<bool>().ShouldBeTrue();
        data["signature"]!["valid"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task An_es256_token_is_unsupported_where_the_service_accepts_only_hs256_and_rs256()
    {
        var settings = Settings(Es256(server.Ec, "ec-1", Claims(Now)), server.JwksUrl);
        settings["algorithms"] = new JsonArray("HS256", "RS256");

        var data = await JwtProbeRun.InspectAsync(settings, Ct);

        data.Code().ShouldBe("AUTH007");
        data["jwks"]!["fetched"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task A_refused_jwks_url_is_auth009_data_not_a_probe_failure()
    {
        var url = $"http://127.0.0.1:{LoopbackPorts.Closed()}/.well-known/jwks.json";

        var result = await new JwtInspectProbe().RunAsync(JwtProbeRun.Context(Settings(Rs256(server.Rsa, "rsa-1", Claims(Now)), url)), Ct);

        result.Error.ShouldBeNull();
        var data = result.OkData();
        data.Code().ShouldBe("AUTH009");
        data["message"]!.GetValue<string>().ShouldBe("failed to fetch JWKS");
        data.Problems().ShouldBe(["jwks-unavailable"]);
        data["jwks"]!["fetched"]!.GetValue<bool>().ShouldBeFalse();
        data["jwks"]!["error"]!["kind"]!.GetValue<string>().ShouldBe(ErrorKinds.ConnectionRefused);
    }

    [Fact]
    public async Task A_jwks_url_answering_404_is_auth009_with_the_status()
    {
        var data = await JwtProbeRun.InspectAsync(Settings(Rs256(server.Rsa, "rsa-1", Claims(Now)), server.BaseUrl + "/missing"), Ct);

        data.Code().ShouldBe("AUTH009");
        data["jwks"]!["error"]!["kind"]!.GetValue<string>().ShouldBe(ErrorKinds.NotFound);
        data["jwks"]!["error"]!["status_code"]!.GetValue<int>().ShouldBe(404);
    }

    [Fact]
    public async Task A_jwks_url_answering_html_is_auth009_protocol()
    {
        var data = await JwtProbeRun.InspectAsync(Settings(Rs256(server.Rsa, "rsa-1", Claims(Now)), server.BaseUrl + "/html"), Ct);

        data.Code().ShouldBe("AUTH009");
        data["jwks"]!["error"]!["kind"]!.GetValue<string>().ShouldBe(ErrorKinds.Protocol);
    }

    [Fact]
    public async Task A_single_jwk_instead_of_a_set_is_auth009_protocol()
    {
        var data = await JwtProbeRun.InspectAsync(Settings(Rs256(server.Rsa, "rsa-1", Claims(Now)), server.BaseUrl + "/not-a-set"), Ct);

        data.Code().ShouldBe("AUTH009");
        data["jwks"]!["error"]!["message"]!.GetValue<string>().ShouldContain("'keys'");
    }

    [Fact]
    public async Task A_kid_naming_a_key_of_the_wrong_type_is_a_bad_signature()
    {
        var data = await JwtProbeRun.InspectAsync(Settings(Es256(server.Ec, "rsa-1", Claims(Now)), server.JwksUrl), Ct);

        data.Code().ShouldBe("AUTH001");
        data.Problems().ShouldBe(["bad-signature"]);
        data["jwks"]!["kid_found"]!.GetValue<bool>().ShouldBeTrue();
        data["signature"]!["reason"]!.GetValue<string>().ShouldContain("is an RSA key and cannot verify ES256");
    }

    [Fact]
    public async Task A_missing_jwks_file_is_auth009_not_found()
    {
        using var folder = new TempFolder();

        var data = await JwtProbeRun.InspectAsync(Settings(Rs256(server.Rsa, "rsa-1", Claims(Now)), "nope/jwks.json"), Ct, baseDirectory: folder.Path);

        data.Code().ShouldBe("AUTH009");
        data["jwks"]!["error"]!["kind"]!.GetValue<string>().ShouldBe(ErrorKinds.NotFound);
    }

    [Fact]
    public async Task An_rs256_token_without_a_jwks_is_shown_but_its_signature_not_judged()
    {
        var data = await JwtProbeRun.InspectAsync(new JsonObject { ["token"] = Rs256(server.Rsa, "rsa-1", Claims(Now)) }, Ct);

        data.Code().ShouldBeNull();
        data["signature"]!["checked"]!.GetValue<bool>().ShouldBeFalse();
        data["signature"]!["reason"]!.GetValue<string>().ShouldContain("JWKS");
    }

    [Fact]
    public async Task A_jwks_endpoint_that_never_answers_ends_within_the_timeout_as_auth009()
    {
        using var silent = SilentListener.Accepting();
        var context = JwtProbeRun.Context(Settings(Rs256(server.Rsa, "rsa-1", Claims(Now)), $"http://127.0.0.1:{silent.Port}/jwks"),
            TimeProvider.System, TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        var result = await new JwtInspectProbe().RunAsync(context, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
        var data = result.OkData();
        data.Code().ShouldBe("AUTH009");
        data["jwks"]!["error"]!["kind"]!.GetValue<string>().ShouldBe(ErrorKinds.Timeout);
    }
}
