using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Medic.Probes.Tests.Tls;

/// <summary>Certificates made in the test with <see cref="CertificateRequest"/>: self-signed, expired, for another name, or from a small CA.</summary>
internal static class TestCertificates
{
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");

    public static DateTimeOffset Now => DateTimeOffset.UtcNow;

    /// <summary>A self-signed server certificate for <paramref name="name"/> (and 127.0.0.1), valid from/to the given times.</summary>
    public static X509Certificate2 SelfSigned(string name = "localhost", DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = ServerRequest(name, key);
        return request.CreateSelfSigned(notBefore ?? Now.AddDays(-1), notAfter ?? Now.AddDays(90));
    }

    /// <summary>A root CA, an intermediate it signed, and a server certificate the intermediate signed.</summary>
    public static (X509Certificate2 Root, X509Certificate2 Intermediate, X509Certificate2 Leaf) Chain(string name = "localhost")
    {
        var root = Authority("CN=Medic Test Root", null, Now.AddDays(-10), Now.AddYears(5));
        var intermediate = Authority("CN=Medic Test Intermediate", root, Now.AddDays(-9), Now.AddYears(4));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = ServerRequest(name, key);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(intermediate, true, false));
        using var issued = request.Create(intermediate, Now.AddDays(-1), Now.AddDays(30), RandomNumberGenerator.GetBytes(12));
        return (root, intermediate, issued.CopyWithPrivateKey(key));
    }

    public static string WritePem(X509Certificate2 certificate, string path)
    {
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }

    private static CertificateRequest ServerRequest(string name, ECDsa key)
    {
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ServerAuth], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(name);
        if (name == "localhost")
        {
            names.AddIpAddress(IPAddress.Loopback);
        }

        request.CertificateExtensions.Add(names.Build());
        return request;
    }

    private static X509Certificate2 Authority(string subject, X509Certificate2? issuer, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        if (issuer is null)
        {
            return request.CreateSelfSigned(notBefore, notAfter);
        }

        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        using var issued = request.Create(issuer, notBefore, notAfter, RandomNumberGenerator.GetBytes(12));
        return issued.CopyWithPrivateKey(key);
    }
}
