using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Net;

namespace Medic.Probes.Tls;

/// <summary>
/// <c>tls.inspect</c>: one TLS handshake with any TCP endpoint, accepting whatever certificate it presents so the
/// report can say everything wrong with it (expired, wrong name, self-signed, incomplete chain) instead of stopping at
/// the first problem. Sends no application data. A server that does not speak TLS there is a <c>tls</c> error.
/// </summary>
public sealed class TlsInspectProbe : IProbe
{
    private const int PostgresSslRequestCode = 80877103;

    public string Name => "tls.inspect";

    public string Description =>
        "TLS handshake with any TCP endpoint (https, wss, rediss, PostgreSQL via SSLRequest, …): protocol, cipher, the certificate's "
        + "subject, SANs, expiry and days left, hostname match, self-signed, its chain and every validation error";

    // Only tls components: one pointed at any endpoint (url, address, starttls) keeps certificate checks out of the
    // other kinds' packs, whose probes speak those servers' own protocols.
    public IReadOnlyList<string> Kinds { get; } = ["tls"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("server_name", ParameterType.String, Description: "the name to send as SNI and match the certificate against (default: the component's server_name, else its host)"),
    ];

    public async Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = TlsEndpoint.From(context, out var problem);
        if (endpoint is null)
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, problem!);
        }

        var data = new JsonObject { ["host"] = endpoint.Host, ["port"] = endpoint.Port, ["server_name"] = endpoint.ServerName };
        if (endpoint.PostgresStartTls)
        {
            data["starttls"] = "postgres";
        }

        context.ReportTarget(endpoint.Host.Contains(':', StringComparison.Ordinal) ? $"[{endpoint.Host}]:{endpoint.Port}" : $"{endpoint.Host}:{endpoint.Port}", data);

        X509Certificate2Collection? roots;
        try
        {
            roots = TrustedRoots(context);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            return ProbeResult.Fail(e is FileNotFoundException or DirectoryNotFoundException ? ErrorKinds.NotFound : ErrorKinds.InvalidArgument,
                $"the ca file cannot be read: {e.Message}", data);
        }

        using var deadline = new CancellationTokenSource(ProbeDeadline.Budget(context.Timeout), context.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var started = context.Time.GetTimestamp();
        var stage = "connect";
        try
        {
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(endpoint.Host, endpoint.Port, linked.Token).ConfigureAwait(false);
            data["connect_ms"] = ProbeDeadline.Milliseconds(context.Time.GetElapsedTime(started));
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            stage = "tls";
            if (endpoint.PostgresStartTls && await PostgresSslRequestAsync(stream, linked.Token).ConfigureAwait(false) is { } refusal)
            {
                return ProbeResult.Fail(ErrorKinds.Tls, $"{endpoint.Address}: {refusal}", data);
            }

            var handshakeStarted = context.Time.GetTimestamp();
            JsonObject? certificate = null;
            await using var ssl = new SslStream(stream, leaveInnerStreamOpen: true);
            var options = new SslClientAuthenticationOptions
            {
                TargetHost = endpoint.ServerName,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                CertificateChainPolicy = new X509ChainPolicy { DisableCertificateDownloads = true, RevocationMode = X509RevocationMode.NoCheck },

                // Accept anything: the point is to describe the certificate, and the inspector records every problem.
#pragma warning disable CA5359
                RemoteCertificateValidationCallback = (_, cert, chain, _) =>
                {
                    certificate = Describe(cert, chain, endpoint.ServerName, context.Time.GetUtcNow(), roots);
                    return true;
                },
#pragma warning restore CA5359
            };
            await ssl.AuthenticateAsClientAsync(options, linked.Token).ConfigureAwait(false);
            data["handshake_ms"] = ProbeDeadline.Milliseconds(context.Time.GetElapsedTime(handshakeStarted));
            data["protocol"] = TlsNames.Protocol(ssl.SslProtocol);
            data["cipher_suite"] = ssl.NegotiatedCipherSuite.ToString();
            data["alpn"] = ssl.NegotiatedApplicationProtocol.Protocol.IsEmpty ? null : ssl.NegotiatedApplicationProtocol.ToString();
            if (certificate is null)
            {
                return ProbeResult.Fail(ErrorKinds.Tls, $"{endpoint.Address} presented no certificate", data);
            }

            foreach (var (key, value) in certificate.ToList())
            {
                certificate.Remove(key);
                data[key] = value;
            }

            return ProbeResult.Ok(data);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var what = stage == "connect" ? "no answer" : "the TLS handshake did not finish";
            return ProbeResult.Fail(ErrorKinds.Timeout, $"{endpoint.Address}: {what} within {Quantities.FormatDuration(context.Timeout)}", data);
        }
        catch (Exception e) when (e is IOException or SocketException or AuthenticationException)
        {
            var failure = NetErrors.Classify(e);
            return stage == "connect"
                ? ProbeResult.Fail(failure.Kind, failure.Kind == ErrorKinds.Dns
                    ? $"{endpoint.Host}: name does not resolve ({failure.Message})"
                    : $"{endpoint.Address}: {failure.Message}", data)
                : ProbeResult.Fail(ErrorKinds.Tls, $"{endpoint.Address}: TLS handshake failed (does it speak TLS on this port?): {failure.Message}", data);
        }
    }

    private static JsonObject? Describe(X509Certificate? cert, X509Chain? chain, string serverName, DateTimeOffset now, X509Certificate2Collection? roots)
    {
        if (cert is null)
        {
            return null;
        }

        // Copies: the handshake disposes its own certificate objects once the callback returns.
        using var leaf = X509CertificateLoader.LoadCertificate(cert.GetRawCertData());
        var presented = new X509Certificate2Collection();
        foreach (var extra in chain?.ChainPolicy.ExtraStore ?? [])
        {
            presented.Add(X509CertificateLoader.LoadCertificate(extra.RawData));
        }

        try
        {
            return CertificateInspector.Inspect(leaf, presented, serverName, now, roots);
        }
        finally
        {
            foreach (var c in presented)
            {
                c.Dispose();
            }
        }
    }

    /// <summary>The component's own CA bundle (PEM), for servers signed by a private CA; null means the system's roots.</summary>
    private static X509Certificate2Collection? TrustedRoots(ProbeContext context)
    {
        var path = context.Component.GetString("ca");
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(context.Component.ResolvePath(path));
        return roots.Count > 0 ? roots : throw new CryptographicException($"{path} holds no PEM certificate");
    }

    /// <summary>PostgreSQL speaks TLS only after an SSLRequest; returns why not when the server declines, else null.</summary>
    private static async Task<string?> PostgresSslRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var request = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(request, 8);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(request.AsSpan(4), PostgresSslRequestCode);
        await stream.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        var answer = new byte[1];
        if (await stream.ReadAsync(answer, cancellationToken).ConfigureAwait(false) == 0)
        {
            throw new EndOfStreamException("the server closed the connection after the SSLRequest");
        }

        return answer[0] switch
        {
            (byte)'S' => null,
            (byte)'N' => "the PostgreSQL server does not offer TLS (answered N to the SSLRequest: ssl = off)",
            _ => $"the server did not answer the SSLRequest as PostgreSQL does (first byte 0x{answer[0]:x2})",
        };
    }
}
