using System.Net.Sockets;
using System.Security.Authentication;
using Medic.Core.Model;
using Medic.Probes.Redis.Resp;

namespace Medic.Probes.Redis;

/// <summary>Turns what went wrong talking to Redis into a stable error kind and a message an operator can act on.</summary>
internal static class RedisErrors
{
    /// <summary>Classifies a failure, or returns null for one that is a bug of ours (which the caller lets through).</summary>
    public static RedisFailure? Classify(Exception exception, RedisTarget target)
    {
        var failure = exception switch
        {
            RedisServerException e => FromReply(e.Reply, e.Command, target.Address),
            RespProtocolException e => new RedisFailure(ErrorKinds.Protocol, $"{target.Address} sent a malformed reply: {e.Message}"),
            RedisConnectionClosedException e => new RedisFailure(ErrorKinds.ConnectionReset, $"{target.Address}: {e.Message}"),
            AuthenticationException e => new RedisFailure(ErrorKinds.Tls, $"TLS handshake with {target.Address} failed: {e.Message}"),
            SocketException e => FromSocket(e, target),
            IOException { InnerException: SocketException e } => FromSocket(e, target),
            IOException e => new RedisFailure(ErrorKinds.ConnectionReset, $"connection to {target.Address} failed: {e.Message}"),
            _ => null,
        };
        return failure is null || target.Password is not { Length: > 0 } password
            ? failure
            : failure with { Message = failure.Message.Replace(password, SecretSet.Mask, StringComparison.Ordinal) };
    }

    /// <summary>Classifies an error reply (<c>NOAUTH Authentication required.</c>) sent in answer to a command.</summary>
    public static RedisFailure FromReply(string reply, string command, string address)
    {
        var code = RedisServerException.CodeOf(reply);
        var (kind, meaning) = KindOf(reply);
        var said = $"{address} answered {command} with '{Shorten(reply)}'";
        return new RedisFailure(kind, meaning is null ? said : $"{meaning}: {said}", code);
    }

    /// <summary>True for an error that only says this command is not allowed or not known on this server.</summary>
    public static bool IsRefusedCommand(string reply) => RedisServerException.CodeOf(reply) switch
    {
        "NOPERM" => true,
        "ERR" => reply.StartsWith("ERR unknown command", StringComparison.OrdinalIgnoreCase)
            || reply.StartsWith("ERR unknown subcommand", StringComparison.OrdinalIgnoreCase)
            || reply.Contains("command not allowed", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static (string Kind, string? Meaning) KindOf(string reply)
    {
        if (reply.Contains("max number of clients reached", StringComparison.OrdinalIgnoreCase))
        {
            return (ErrorKinds.TooManyClients, "the server has reached maxclients");
        }

        return RedisServerException.CodeOf(reply) switch
        {
            "NOAUTH" => (ErrorKinds.AuthFailed, "the server requires a password and none was accepted"),
            "WRONGPASS" => (ErrorKinds.AuthFailed, "the user name or password was rejected"),
            "LOADING" => (ErrorKinds.Loading, "the server is still loading its dataset into memory"),
            "OOM" => (ErrorKinds.OutOfMemory, "the server is at maxmemory and refuses writes"),
            "NOPERM" => (ErrorKinds.PermissionDenied, "the ACL user may not run this command"),
            "BUSY" => (ErrorKinds.Busy, "the server is busy running a script or function"),
            "MISCONF" => (ErrorKinds.ServerError, "the server cannot persist to disk and refuses writes"),
            "MASTERDOWN" => (ErrorKinds.ServerError, "the replica lost its link to the master"),
            "ERR" when IsAuthError(reply) => (ErrorKinds.AuthFailed, "the password was rejected"),
            "ERR" when IsRefusedCommand(reply) => (ErrorKinds.Unsupported, "the command is not available on this server"),
            _ => (ErrorKinds.ServerError, null),
        };
    }

    private static bool IsAuthError(string reply) =>
        reply.Contains("invalid password", StringComparison.OrdinalIgnoreCase)
        || reply.Contains("without any password configured", StringComparison.OrdinalIgnoreCase)
        || reply.Contains("no password is set", StringComparison.OrdinalIgnoreCase)
        || reply.Contains("invalid username-password", StringComparison.OrdinalIgnoreCase);

    private static RedisFailure FromSocket(SocketException e, RedisTarget target) => e.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => new(ErrorKinds.ConnectionRefused, $"connection to {target.Address} was refused: nothing listens there"),
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain
            => new(ErrorKinds.Dns, $"the host name '{target.Host}' does not resolve: {e.Message}"),
        SocketError.TimedOut => new(ErrorKinds.Timeout, $"connecting to {target.Address} timed out"),
        SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.NetworkDown or SocketError.HostDown
            => new(ErrorKinds.Unreachable, $"{target.Address} is unreachable: {e.Message}"),
        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown or SocketError.NotConnected
            => new(ErrorKinds.ConnectionReset, $"{target.Address} dropped the connection: {e.Message}"),
        _ => new(ErrorKinds.Unreachable, $"cannot talk to {target.Address}: {e.Message}"),
    };

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
