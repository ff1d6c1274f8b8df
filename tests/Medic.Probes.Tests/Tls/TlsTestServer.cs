using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Medic.Probes.Tests.NetSupport;

namespace Medic.Probes.Tests.Tls;

/// <summary>
/// A loopback TLS server (SslStream) presenting a test certificate and, when given, its intermediates; optionally
/// answering PostgreSQL's SSLRequest with 'S' first. Holds each connection until the client closes it.
/// </summary>
internal sealed class TlsTestServer : IAsyncDisposable
{
    private readonly ScriptedServer _server;

    private TlsTestServer(ScriptedServer server) => _server = server;

    public int Port => _server.Port;

    public string Address => $"127.0.0.1:{Port}";

    public static TlsTestServer Start(X509Certificate2 certificate, X509Certificate2Collection? intermediates = null, bool postgresPreamble = false)
    {
        var context = SslStreamCertificateContext.Create(certificate, intermediates, offline: true);
        return new TlsTestServer(ScriptedServer.Start(async (socket, ct) =>
        {
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            try
            {
                if (postgresPreamble)
                {
                    var request = new byte[8];
                    await stream.ReadExactlyAsync(request, ct);
                    await stream.WriteAsync("S"u8.ToArray(), ct);
                }

                await using var ssl = new SslStream(stream, leaveInnerStreamOpen: true);
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificateContext = context }, ct);
                var buffer = new byte[1024];
                while (await ssl.ReadAsync(buffer, ct) > 0)
                {
                }
            }
            catch (Exception e) when (e is IOException or AuthenticationException or EndOfStreamException)
            {
                // The probe hangs up as soon as it has the certificate; that is the expected end.
            }
        }));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
