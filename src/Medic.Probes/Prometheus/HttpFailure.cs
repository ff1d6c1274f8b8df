using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using Medic.Core.Model;

namespace Medic.Probes.Prometheus;

/// <summary>Classifies why an HTTP request failed into the error kinds runbooks test.</summary>
internal static class HttpFailure
{
    public static string Classify(HttpRequestException e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case SocketException s:
                    return s.SocketErrorCode switch
                    {
                        SocketError.ConnectionRefused => ErrorKinds.ConnectionRefused,
                        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => ErrorKinds.Dns,
                        SocketError.TimedOut => ErrorKinds.Timeout,
                        SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.NetworkDown
                            or SocketError.HostDown => ErrorKinds.Unreachable,
                        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown => ErrorKinds.ConnectionReset,
                        SocketError.AccessDenied => ErrorKinds.PermissionDenied,
                        _ => FromRequestError(e),
                    };
                case AuthenticationException:
                    return ErrorKinds.Tls;
            }
        }

        return FromRequestError(e);
    }

    /// <summary>The kind for an HTTP status that means the page is not a metrics page, or null for success.</summary>
    public static string? FromStatus(HttpStatusCode status) => (int)status switch
    {
        >= 200 and < 300 => null,
        401 or 403 => ErrorKinds.AuthFailed,
        404 or 410 => ErrorKinds.NotFound,
        429 or 503 => ErrorKinds.Busy,
        _ => ErrorKinds.Protocol,
    };

    private static string FromRequestError(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => ErrorKinds.Dns,
        HttpRequestError.SecureConnectionError => ErrorKinds.Tls,
        HttpRequestError.ConnectionError => ErrorKinds.Unreachable,
        HttpRequestError.ResponseEnded => ErrorKinds.ConnectionReset,
        _ => ErrorKinds.Protocol,
    };
}
