using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace Medic.Probes.Tls;

/// <summary>
/// Reads a server certificate the way a client judges it: builds its chain (system roots, or the component's own CA
/// file) at the probe clock's time, never fetching anything over the network, and checks the name. Every problem is
/// recorded in <c>validation_errors</c> rather than failing the handshake, so one run shows all of them.
/// </summary>
internal static class CertificateInspector
{
    private const X509ChainStatusFlags TrustFlags = X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain
        | X509ChainStatusFlags.NotSignatureValid | X509ChainStatusFlags.Revoked | X509ChainStatusFlags.ExplicitDistrust
        | X509ChainStatusFlags.Cyclic | X509ChainStatusFlags.InvalidBasicConstraints | X509ChainStatusFlags.NotValidForUsage
        | X509ChainStatusFlags.HasNotSupportedCriticalExtension | X509ChainStatusFlags.InvalidExtension;

    public static JsonObject Inspect(
        X509Certificate2 leaf, X509Certificate2Collection presented, string serverName, DateTimeOffset now, X509Certificate2Collection? roots)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        chain.ChainPolicy.ExtraStore.AddRange(presented);
        if (roots is not null)
        {
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        }

        chain.Build(leaf);
        var flags = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
        var expired = now > leaf.NotAfter;
        var notYetValid = now < leaf.NotBefore;
        var selfSigned = leaf.SubjectName.RawData.AsSpan().SequenceEqual(leaf.IssuerName.RawData);
        var hostnameMatch = leaf.MatchesHostname(serverName);

        var errors = new List<string>();
        if (expired)
        {
            errors.Add("expired");
        }

        if (notYetValid)
        {
            errors.Add("not_yet_valid");
        }

        if ((flags & X509ChainStatusFlags.NotTimeValid) != 0 && !expired && !notYetValid)
        {
            errors.Add("chain_expired");
        }

        if (!hostnameMatch)
        {
            errors.Add("hostname_mismatch");
        }

        errors.AddRange(FlagNames(flags & ~(X509ChainStatusFlags.NotTimeValid | X509ChainStatusFlags.NotTimeNested)));

        return new JsonObject
        {
            ["subject"] = leaf.Subject,
            ["issuer"] = leaf.Issuer,
            ["san"] = new JsonArray([.. SubjectAltNames(leaf).Select(n => JsonValue.Create(n))]),
            ["serial"] = leaf.SerialNumber,
            ["sha256"] = leaf.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256),
            ["key_algorithm"] = KeyAlgorithm(leaf),
            ["key_bits"] = KeyBits(leaf),
            ["signature_algorithm"] = leaf.SignatureAlgorithm.FriendlyName ?? leaf.SignatureAlgorithm.Value,
            ["not_before"] = Iso(leaf.NotBefore),
            ["not_after"] = Iso(leaf.NotAfter),
            ["days_left"] = (long)Math.Floor((leaf.NotAfter.ToUniversalTime() - now.UtcDateTime).TotalDays),
            ["expired"] = expired,
            ["not_yet_valid"] = notYetValid,
            ["hostname_match"] = hostnameMatch,
            ["self_signed"] = selfSigned,
            ["trusted"] = (flags & TrustFlags) == 0,
            ["trust_store"] = roots is null ? "system" : "ca",
            ["presented"] = presented.Cast<X509Certificate2>().Any(c => c.RawDataMemory.Span.SequenceEqual(leaf.RawDataMemory.Span))
                ? presented.Count
                : presented.Count + 1,
            ["chain"] = new JsonArray([.. chain.ChainElements.Select(e => (JsonNode)new JsonObject
            {
                ["subject"] = e.Certificate.Subject,
                ["issuer"] = e.Certificate.Issuer,
                ["not_after"] = Iso(e.Certificate.NotAfter),
            })]),
            ["validation_errors"] = new JsonArray([.. errors.Distinct().Select(e => JsonValue.Create(e))]),
        };
    }

    private static IEnumerable<string> SubjectAltNames(X509Certificate2 certificate)
    {
        foreach (var extension in certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>())
        {
            foreach (var name in extension.EnumerateDnsNames())
            {
                yield return name;
            }

            foreach (var address in extension.EnumerateIPAddresses())
            {
                yield return address.ToString();
            }
        }
    }

    private static IEnumerable<string> FlagNames(X509ChainStatusFlags flags)
    {
        foreach (var flag in Enum.GetValues<X509ChainStatusFlags>().Where(f => f != X509ChainStatusFlags.NoError && (flags & f) == f))
        {
            yield return flag switch
            {
                X509ChainStatusFlags.UntrustedRoot => "untrusted_root",
                X509ChainStatusFlags.PartialChain => "partial_chain",
                X509ChainStatusFlags.NotSignatureValid => "invalid_signature",
                X509ChainStatusFlags.Revoked => "revoked",
                X509ChainStatusFlags.ExplicitDistrust => "distrusted",
                X509ChainStatusFlags.NotValidForUsage => "wrong_usage",
                _ => Snake(flag.ToString()),
            };
        }
    }

    private static string Snake(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string KeyAlgorithm(X509Certificate2 certificate) => certificate.PublicKey.Oid.Value switch
    {
        "1.2.840.113549.1.1.1" => "RSA",
        "1.2.840.10045.2.1" => "ECDSA",
        "1.3.101.112" => "Ed25519",
        var oid => certificate.PublicKey.Oid.FriendlyName ?? oid ?? "unknown",
    };

    private static int? KeyBits(X509Certificate2 certificate)
    {
        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is not null)
        {
            return rsa.KeySize;
        }

        using var ec = certificate.GetECDsaPublicKey();
        return ec?.KeySize;
    }

    private static string Iso(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
