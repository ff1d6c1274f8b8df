using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Probes.Redis;
using Medic.Probes.Tests.Servers;
using Shouldly;
using Xunit;

namespace Medic.Probes.Tests.Redis;

/// <summary>A real redis-server listening only for TLS, with a self-signed certificate made by the test.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisTlsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Talks_tls_to_a_self_signed_server_only_when_told_to_accept_it()
    {
        var folder = Directory.CreateTempSubdirectory("medic-redis-tls-").FullName;
        try
        {
            var (cert, key) = WriteSelfSigned(folder);
            await using var server = await RedisServer.StartAsync(
                ["--tls-cert-file", cert, "--tls-key-file", key, "--tls-auth-clients", "no"], tls: true);
            var url = server.Url.Replace("redis://", "rediss://", StringComparison.Ordinal);

            var trusted = await new RedisPingProbe().RunAsync(
                RedisTestContext.For(url, new JsonObject { ["tls_insecure"] = true }), Token);
            var strict = await new RedisPingProbe().RunAsync(RedisTestContext.For(url), Token);
            var plain = await new RedisPingProbe().RunAsync(RedisTestContext.For(server.Url, timeout: TimeSpan.FromSeconds(2)), Token);

            trusted.Error.ShouldBeNull();
            trusted.Data!["tls"]!.GetValue<bool>().ShouldBeTrue();
            trusted.Data!["tls_insecure"]!.GetValue<bool>().ShouldBeTrue();
            trusted.Data!["reply"]!.GetValue<string>().ShouldBe("PONG");
            strict.Error!.Kind.ShouldBe(ErrorKinds.Tls);
            strict.Data!["stage"]!.GetValue<string>().ShouldBe("tls");
            plain.Error.ShouldNotBeNull();
            plain.Error.Kind.ShouldBeOneOf(ErrorKinds.Protocol, ErrorKinds.ConnectionReset, ErrorKinds.Timeout);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (string Cert, string Key) WriteSelfSigned(string folder)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var cert = Path.Combine(folder, "redis.crt");
        var key = Path.Combine(folder, "redis.key");
        File.WriteAllText(cert, certificate.ExportCertificatePem());
        File.WriteAllText(key, rsa.ExportPkcs8PrivateKeyPem());
        return (cert, key);
    }
}
