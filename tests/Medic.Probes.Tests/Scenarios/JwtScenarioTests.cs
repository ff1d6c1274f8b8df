using Medic.Core.Model;
using Medic.Core.Reports;
using Medic.Probes.Tests.Jwt;
using Medic.Probes.Tests.NetSupport;
using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;
using static Medic.Probes.Tests.Jwt.TestTokens;

namespace Medic.Probes.Tests.Scenarios;

/// <summary>
/// The generic jwt pack through the whole engine, with the token and secret coming from the environment as a
/// system file gets them, and a JWKS served by a real Kestrel server or read from a file.
/// </summary>
public sealed class JwtScenarioTests(JwksServer server) : IClassFixture<JwksServer>
{
    private const string Secret = "scenario-hs256-secret-do-not-print-0123456789";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    [Fact]
    public async Task An_expired_token_from_the_environment_is_named_without_ever_printing_it()
    {
        var token = Hs256(Secret, Claims(Now, expiresIn: TimeSpan.FromHours(-2), issuedAgo: TimeSpan.FromHours(3)));
        using var env = new EnvVars(("TOKEN", token), ("SECRET", Secret));

        var report = await Scenario.DiagnoseAsync($$"""
            system: s
            components:
              auth:
                kind: jwt
                token: "${{{env["TOKEN"]}}}"
                secret: "${{{env["SECRET"]}}}"
                issuer: "{{Issuer}}"
                audience: {{Audience}}
            """, Ct);

        report.Causes().ShouldBe(["jwt.rejected/expired"]);
        var finding = report.Findings.Single();
        finding.Explanation.ShouldContain("AUTH002");
        finding.Explanation.ShouldMatch(@"2(\.\d+)?h ago");
        var everything = JsonReportWriter.ToJson(report).ToJsonString() + MarkdownReportWriter.Write(report, SecretSet.Empty);
        everything.ShouldNotContain(token);
        everything.ShouldNotContain(Secret);
        foreach (var segment in token.Split('.'))
        {
            everything.ShouldNotContain(segment);
        }

        everything.ShouldNotContain(PersonalEmail);
    }

    [Fact]
    public async Task A_token_whose_kid_the_served_jwks_does_not_list_is_named()
    {
        using var env = new EnvVars(("TOKEN", Rs256(server.Rsa, "rotated-away", Claims(Now))));

        var report = await Scenario.DiagnoseAsync(System(env, $"jwks: {server.JwksUrl}"), Ct);

        report.Causes().ShouldBe(["jwt.rejected/kid-not-in-jwks"]);
        report.Findings.Single().Explanation.ShouldContain("rsa-1, ec-1");
    }

    [Fact]
    public async Task A_refused_jwks_url_is_named_as_jwks_unavailable()
    {
        using var env = new EnvVars(("TOKEN", Rs256(server.Rsa, "rsa-1", Claims(Now))));

        var report = await Scenario.DiagnoseAsync(System(env, $"jwks: http://127.0.0.1:{LoopbackPorts.Closed()}/jwks.json"), Ct);

        report.Causes().ShouldBe(["jwt.rejected/jwks-unavailable"]);
        report.Findings.Single().Explanation.ShouldContain("connection_refused");
    }

    [Fact]
    public async Task A_good_es256_token_checked_against_a_jwks_file_yields_no_finding()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("jwks.json"), server.Jwks, Ct);
        using var env = new EnvVars(("TOKEN", Es256(server.Ec, "ec-1", Claims(Now))));

        var report = await Scenario.DiagnoseAsync(System(env, $"jwks: '{folder.File("jwks.json")}'"), Ct);

        report.Findings.ShouldBeEmpty();
        report.Observations.Single().Data!["signature"]!["valid"]!.GetValue<bool>().ShouldBeTrue();
    }

    private static string System(EnvVars env, string jwksLine) => $$"""
        system: s
        components:
          auth:
            kind: jwt
            token: "${{{env["TOKEN"]}}}"
            {{jwksLine}}
            issuer: "{{Issuer}}"
            audience: {{Audience}}
        """;

    /// <summary>Process environment variables with names unique to one test, removed afterwards.</summary>
    private sealed class EnvVars : IDisposable
    {
        private readonly Dictionary<string, string> _names = [];

        public EnvVars(params (string Key, string Value)[] values)
        {
            var suffix = Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
            foreach (var (key, value) in values)
            {
                var name = $"MEDIC_TEST_JWT_{key}_{suffix}";
                _names[key] = name;
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        public string this[string key] => _names[key];

        public void Dispose()
        {
            foreach (var name in _names.Values)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }
}
