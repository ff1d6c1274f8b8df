using Medic.Core.Model;

namespace Medic.Probes.Nats;

/// <summary>Turns the server's <c>-ERR</c> replies into stable error kinds and messages an operator can act on.</summary>
internal static class NatsErrors
{
    public static NatsFailure FromServerError(string text, NatsTarget target, bool nonceAuth)
    {
        var said = $"{target.Address} answered -ERR '{text}'";
        var lower = text.ToLowerInvariant();
        if (lower.Contains("authorization violation", StringComparison.Ordinal) || lower.Contains("authentication", StringComparison.Ordinal))
        {
            return new NatsFailure(ErrorKinds.AuthFailed, $"{AuthMeaning(target, nonceAuth, lower)}: {said}");
        }

        return lower switch
        {
            _ when lower.Contains("maximum connections exceeded", StringComparison.Ordinal)
                => new(ErrorKinds.TooManyClients, $"the server has reached max_connections: {said}"),
            _ when lower.Contains("tls required", StringComparison.Ordinal) || lower.Contains("secure connection", StringComparison.Ordinal)
                => new(ErrorKinds.Tls, $"the server requires TLS: {said}"),
            _ when lower.Contains("permissions violation", StringComparison.Ordinal)
                => new(ErrorKinds.PermissionDenied, said),
            _ when lower.Contains("unknown protocol", StringComparison.Ordinal) || lower.Contains("parser error", StringComparison.Ordinal)
                || lower.Contains("maximum control line", StringComparison.Ordinal) || lower.Contains("invalid", StringComparison.Ordinal)
                => new(ErrorKinds.Protocol, said),
            _ when lower.Contains("stale connection", StringComparison.Ordinal)
                => new(ErrorKinds.ConnectionReset, said),
            _ => new(ErrorKinds.ServerError, said),
        };
    }

    private static string AuthMeaning(NatsTarget target, bool nonceAuth, string lower)
    {
        if (lower.Contains("timeout", StringComparison.Ordinal))
        {
            return "the server gave up waiting for credentials";
        }

        if (lower.Contains("expired", StringComparison.Ordinal) || lower.Contains("revoked", StringComparison.Ordinal))
        {
            return "the credentials have expired or been revoked";
        }

        var hint = nonceAuth ? " (the server also offers nkey/JWT authentication, which Medic does not send)" : "";
        return target.AuthMethod switch
        {
            "none" => "the server requires authentication and the component configures no user, password or token" + hint,
            "token" => "the server rejected the configured token" + hint,
            _ => $"the server rejected user '{target.User ?? ""}' with the configured password" + hint,
        };
    }
}
