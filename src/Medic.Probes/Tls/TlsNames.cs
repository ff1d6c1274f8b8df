using System.Security.Authentication;

namespace Medic.Probes.Tls;

/// <summary>Protocol names as openssl and nginx print them (<c>TLSv1.3</c>), which is how operators search for them.</summary>
internal static class TlsNames
{
#pragma warning disable CS0618, SYSLIB0039 // Naming an old protocol is not using it.
    public static string Protocol(SslProtocols protocol) => protocol switch
    {
        SslProtocols.Tls13 => "TLSv1.3",
        SslProtocols.Tls12 => "TLSv1.2",
        SslProtocols.Tls11 => "TLSv1.1",
        SslProtocols.Tls => "TLSv1",
        SslProtocols.Ssl3 => "SSLv3",
        SslProtocols.Ssl2 => "SSLv2",
        _ => protocol.ToString(),
    };
#pragma warning restore CS0618, SYSLIB0039
}
