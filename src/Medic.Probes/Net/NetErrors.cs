using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using Medic.Core.Model;

namespace Medic.Probes.Net;

/// <summary>
/// Classifies what went wrong talking to a network target, from the socket error code, the HTTP request error
/// and TLS exceptions, so every network probe reports the same kinds for the same failure.
/// </summary>
internal static class NetErrors
{
    public static NetFailure Classify(Exception exception)
    {
        var message = Describe(exception);
        return new NetFailure(KindOf(exception) ?? ErrorKinds.Unreachable, message);
    }

    public static string? KindOf(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => ErrorKinds.ConnectionRefused,
        SocketError.TimedOut => ErrorKinds.Timeout,
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain or SocketError.NoRecovery => ErrorKinds.Dns,
        SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.NetworkDown or SocketError.HostDown
            or SocketError.AddressNotAvailable => ErrorKinds.Unreachable,
        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown or SocketError.NotConnected
            or SocketError.NetworkReset or SocketError.Disconnecting => ErrorKinds.ConnectionReset,
        SocketError.AccessDenied => ErrorKinds.PermissionDenied,
        _ => null,
    };

    private static string? KindOf(Exception? e)
    {
        // Walk outward-in: the innermost specific cause wins over a generic wrapper, except where the wrapper is precise.
        for (var depth = 0; e is not null && depth < 8; e = e.InnerException, depth++)
        {
            switch (e)
            {
                case AuthenticationException:
                    return ErrorKinds.Tls;
                case SocketException s when KindOf(s.SocketErrorCode) is { } kind:
                    return kind;
                case TimeoutException:
                    return ErrorKinds.Timeout;
                case HttpRequestException h when KindOf(h.HttpRequestError) is { } kind:
                    return kind;
                case HttpIOException io when KindOf(io.HttpRequestError) is { } kind:
                    return kind;
                case EndOfStreamException:
                    return ErrorKinds.ConnectionReset;
                case IOException when e.InnerException is null:
                    return ErrorKinds.ConnectionReset;
            }
        }

        return null;
    }

    private static string? KindOf(HttpRequestError error) => error switch
    {
        HttpRequestError.NameResolutionError => ErrorKinds.Dns,
        HttpRequestError.SecureConnectionError => ErrorKinds.Tls,
        HttpRequestError.ResponseEnded => ErrorKinds.ConnectionReset,
        HttpRequestError.HttpProtocolError or HttpRequestError.InvalidResponse or HttpRequestError.VersionNegotiationError
            or HttpRequestError.ConfigurationLimitExceeded or HttpRequestError.ExtendedConnectNotSupported => ErrorKinds.Protocol,
        HttpRequestError.UserAuthenticationError => ErrorKinds.AuthFailed,
        HttpRequestError.ProxyTunnelError => ErrorKinds.Unreachable,

        // ConnectionError and Unknown say little; the inner socket exception says more.
        _ => null,
    };

    /// <summary>The outermost message, completed by the innermost one when the outer only says "see inner exception".</summary>
    private static string Describe(Exception e)
    {
        var messages = new List<string>();
        for (Exception? x = e; x is not null && messages.Count < 8; x = x.InnerException)
        {
            if (!string.IsNullOrWhiteSpace(x.Message))
            {
                messages.Add(x.Message.Trim());
            }
        }

        if (messages.Count == 0)
        {
            return e.GetType().Name;
        }

        var first = messages[0];
        var vague = first.Contains("inner exception", StringComparison.OrdinalIgnoreCase)
            || first.StartsWith("An error occurred while sending", StringComparison.OrdinalIgnoreCase);
        if (!vague || messages.Count == 1)
        {
            return first;
        }

        var cut = first.IndexOf(", see inner exception", StringComparison.OrdinalIgnoreCase);
        var head = (cut >= 0 ? first[..cut] : first).TrimEnd('.', ' ');
        return $"{head}: {messages[^1]}";
    }
}
