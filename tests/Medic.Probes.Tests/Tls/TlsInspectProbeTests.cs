using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Tests.Support;
using Medic.Probes.Tls;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Tls;

/// <summary>tls.inspect against loopback TLS servers presenting certificates made in the test.</summary>
public sealed class TlsInspectProbeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    internal static ProbeContext Context(JsonObject settings, TimeSpan? timeout = null) => ProbeHarness.Context("tls", settings, timeout: timeout);

    [Fact]
    public async Task Reads_a_chain_from_a_private_ca_as_trusted_when_given_the_ca()
    {
        var (root, intermediate, leaf) = TestCertificates.Chain();
        await using var server = TlsTestServer.Start(leaf, [intermediate]);
        var ca = TestCertificates.WritePem(root, _folder.File("root.pem"));

        var result = await new TlsInspectProbe().RunAsync(
            Context(new() { ["address"] = server.Address, ["server_name"] = "localhost", ["ca"] = ca }), Ct);

        var data = result.OkData();
        data["protocol"]!.GetValue<string>().ShouldBeOneOf("TLSv1.2", "TLSv1.3");
        data["cipher_suite"]!.GetValue<string>().ShouldStartWith("TLS_");
        data["subject"]!.GetValue<string>().ShouldBe("CN=localhost");
        data["issuer"]!.GetValue<string>().ShouldBe("CN=Medic Test Intermediate");
        data["san"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["localhost", "127.0.0.1"]);
        data["hostname_match"]!.GetValue<bool>().ShouldBeTrue();
        data["trusted"]!.GetValue<bool>().ShouldBeTrue();
        data["self_signed"]!.GetValue<bool>().ShouldBeFalse();
        data["expired"]!.GetValue<bool>().ShouldBeFalse();
        data["days_left"]!.GetValue<long>().ShouldBeInRange(28, 30);
        data["validation_errors"]!.AsArray().ShouldBeEmpty();
        data["presented"]!.GetValue<int>().ShouldBe(2);
        data["chain"]!.AsArray().Select(e => e!["subject"]!.GetValue<string>())
            .ShouldBe(["CN=localhost", "CN=Medic Test Intermediate", "CN=Medic Test Root"]);
    }

    [Fact]
    public async Task The_same_chain_without_its_ca_is_untrusted_but_not_self_signed()
    {
        var (_, intermediate, leaf) = TestCertificates.Chain();
        await using var server = TlsTestServer.Start(leaf, [intermediate]);

        var data = (await new TlsInspectProbe().RunAsync(Context(new() { ["address"] = server.Address, ["server_name"] = "localhost" }), Ct)).OkData();

        data["trusted"]!.GetValue<bool>().ShouldBeFalse();
        data["self_signed"]!.GetValue<bool>().ShouldBeFalse();
        data["validation_errors"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldContain(e => e == "partial_chain" || e == "untrusted_root");
    }

    [Fact]
    public async Task Names_a_self_signed_certificate()
    {
        await using var server = TlsTestServer.Start(TestCertificates.SelfSigned());

        var data = (await new TlsInspectProbe().RunAsync(Context(new() { ["address"] = server.Address, ["server_name"] = "localhost" }), Ct)).OkData();

        data["self_signed"]!.GetValue<bool>().ShouldBeTrue();
        data["trusted"]!.GetValue<bool>().ShouldBeFalse();
        data["hostname_match"]!.GetValue<bool>().ShouldBeTrue();
        data["presented"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Names_an_expired_certificate_and_counts_its_days_since()
    {
        await using var server = TlsTestServer.Start(TestCertificates.SelfSigned(notBefore: DateTimeOffset.UtcNow.AddDays(-40), notAfter: DateTimeOffset.UtcNow.AddDays(-10).AddHours(-1)));

        var data = (await new TlsInspectProbe().RunAsync(Context(new() { ["address"] = server.Address, ["server_name"] = "localhost" }), Ct)).OkData();

        data["expired"]!.GetValue<bool>().ShouldBeTrue();
        data["days_left"]!.GetValue<long>().ShouldBe(-11);
        data["validation_errors"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldContain("expired");
    }

    [Fact]
    public async Task Names_a_certificate_for_another_host()
    {
        await using var server = TlsTestServer.Start(TestCertificates.SelfSigned("other.example"));

        var data = (await new TlsInspectProbe().RunAsync(Context(new() { ["address"] = server.Address, ["server_name"] = "api.example.test" }), Ct)).OkData();

        data["hostname_match"]!.GetValue<bool>().ShouldBeFalse();
        data["server_name"]!.GetValue<string>().ShouldBe("api.example.test");
        data["san"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["other.example"]);
        data["validation_errors"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldContain("hostname_mismatch");
    }

    [Fact]
    public async Task Matches_an_ip_address_against_the_certificates_ip_names()
    {
        await using var server = TlsTestServer.Start(TestCertificates.SelfSigned());

        var data = (await new TlsInspectProbe().RunAsync(Context(new() { ["url"] = $"https://127.0.0.1:{server.Port}/" }), Ct)).OkData();

        data["server_name"]!.GetValue<string>().ShouldBe("127.0.0.1");
        data["hostname_match"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Asks_with_postgres_sslrequest_first_when_told_to()
    {
        await using var server = TlsTestServer.Start(TestCertificates.SelfSigned(), postgresPreamble: true);

        var data = (await new TlsInspectProbe().RunAsync(
            Context(new() { ["address"] = server.Address, ["server_name"] = "localhost", ["starttls"] = "postgres" }), Ct)).OkData();

        data["starttls"]!.GetValue<string>().ShouldBe("postgres");
        data["subject"]!.GetValue<string>().ShouldBe("CN=localhost");
    }

    [Fact]
    public async Task A_plain_text_server_is_a_tls_error()
    {
        await using var web = new WebSocket.WebSocketTestServer();
        await web.InitializeAsync();

        var result = await new TlsInspectProbe().RunAsync(Context(new() { ["address"] = $"127.0.0.1:{web.Port}" }, TimeSpan.FromSeconds(5)), Ct);

        result.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.Tls);
        result.Error.Message.ShouldContain("TLS handshake failed");
    }

    [Fact]
    public async Task A_component_without_an_endpoint_or_with_an_unknown_starttls_is_an_invalid_argument()
    {
        var none = await new TlsInspectProbe().RunAsync(Context([]), Ct);
        var smtp = await new TlsInspectProbe().RunAsync(Context(new() { ["address"] = "127.0.0.1:25", ["starttls"] = "smtp" }), Ct);

        none.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.InvalidArgument);
        smtp.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKinds.InvalidArgument);
    }

    [Fact]
    public async Task Judges_expiry_by_the_probe_clock()
    {
        await using var server = TlsTestServer.Start(TestCertificates.SelfSigned(notAfter: DateTimeOffset.UtcNow.AddDays(90)));
        var later = new ShiftedClock(TimeSpan.FromDays(100));
        var context = Context(new() { ["address"] = server.Address, ["server_name"] = "localhost" }) with { Time = later };

        var data = (await new TlsInspectProbe().RunAsync(context, Ct)).OkData();

        data["expired"]!.GetValue<bool>().ShouldBeTrue();
        data["validation_errors"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldContain("expired");
    }

    /// <summary>The real clock moved by a fixed offset, so timers still run but "now" is elsewhere.</summary>
    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
    }
}
