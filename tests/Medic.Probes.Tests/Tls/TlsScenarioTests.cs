using Medic.Probes.Tests.Scenarios;
using Medic.Probes.Tests.Support;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Tls;

/// <summary>The tls runbooks through the engine against servers presenting certificates made in the test.</summary>
public sealed class TlsScenarioTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    private static string System(string settings) => $"system: s\ncomponents:\n  cert: {{ kind: tls, {settings} }}\n";

    [Fact]
    public async Task An_expired_self_signed_certificate_is_named_for_both_faults()
    {
        await using var server = TlsTestServer.Start(TestCertificates.SelfSigned(notBefore: DateTimeOffset.UtcNow.AddDays(-60), notAfter: DateTimeOffset.UtcNow.AddDays(-3)));

        var report = await Scenario.DiagnoseAsync(System($"address: '{server.Address}', server_name: localhost"), Ct);

        report.Causes().ShouldBe(["tls.certificate-rejected/certificate-expired", "tls.certificate-rejected/self-signed"], ignoreOrder: true);
        report.Findings.First(f => f.Cause == "certificate-expired").Explanation.ShouldContain("day(s) ago");
    }

    [Fact]
    public async Task A_certificate_for_another_name_and_one_about_to_expire_are_named()
    {
        var (root, intermediate, leaf) = TestCertificates.Chain("other.example");
        await using var server = TlsTestServer.Start(leaf, [intermediate]);
        var ca = TestCertificates.WritePem(root, _folder.File("ca.pem"));

        var report = await Scenario.DiagnoseAsync(System($"url: 'https://{server.Address}', server_name: api.example.test, ca: '{ca}', warn_days: 45"), Ct);

        report.Causes().ShouldBe(["tls.certificate-rejected/hostname-mismatch", "tls.certificate-expiring/expires-soon"], ignoreOrder: true);
        report.Findings.First(f => f.Cause == "hostname-mismatch").Explanation.ShouldContain("other.example");
    }

    [Fact]
    public async Task A_valid_chain_from_a_trusted_ca_yields_no_finding()
    {
        var (root, intermediate, leaf) = TestCertificates.Chain();
        await using var server = TlsTestServer.Start(leaf, [intermediate]);
        var ca = TestCertificates.WritePem(root, _folder.File("ca.pem"));

        var report = await Scenario.DiagnoseAsync(System($"address: '{server.Address}', server_name: localhost, ca: '{ca}'"), Ct);

        report.Findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_plain_text_service_on_the_port_is_not_tls()
    {
        await using var web = new WebSocket.WebSocketTestServer();
        await web.InitializeAsync();

        var report = await Scenario.DiagnoseAsync(System($"address: '127.0.0.1:{web.Port}'"), Ct);

        report.Causes().ShouldBe(["tls.handshake-fails/not-tls"]);
    }
}
