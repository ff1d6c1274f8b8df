using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Npgsql;

namespace Medic.Probes.Postgres;

/// <summary>Classifies what went wrong talking to PostgreSQL into the stable error kinds runbooks test.</summary>
internal static class PostgresErrors
{
    /// <summary>True for failures of the target (or of its configuration), which become data rather than exceptions.</summary>
    public static bool IsTargetFailure(Exception e, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        NpgsqlException or SocketException or TimeoutException or IOException or AuthenticationException => true,
        ArgumentException => true,
        _ => false,
    };

    public static ProbeResult ToResult(Exception e, PostgresTarget? target, string? password)
    {
        var (kind, message) = Classify(e, target);
        var data = target?.ToJson() ?? [];
        if (Find<PostgresException>(e) is { } pg)
        {
            data["sql_state"] = pg.SqlState;
            data["severity"] = pg.InvariantSeverity;
            if (!string.IsNullOrEmpty(pg.Detail))
            {
                data["detail"] = Mask(PgJson.Cap(pg.Detail), password);
            }

            if (!string.IsNullOrEmpty(pg.Hint))
            {
                data["hint"] = Mask(PgJson.Cap(pg.Hint), password);
            }
        }

        return ProbeResult.Fail(kind, Mask(message, password) ?? kind, data);
    }

    public static (string Kind, string Message) Classify(Exception e, PostgresTarget? target)
    {
        var where = target?.Endpoint ?? "the server";
        if (Find<PostgresException>(e) is { } pg)
        {
            return (KindOf(pg.SqlState), pg.MessageText);
        }

        if (e is ArgumentException)
        {
            return (ErrorKinds.InvalidArgument, $"the connection string is not valid: {e.Message}");
        }

        if (Find<SocketException>(e) is { } socket)
        {
            return socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => (ErrorKinds.ConnectionRefused, $"connection refused by {where}: nothing is listening there"),
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain or SocketError.NoRecovery =>
                    (ErrorKinds.Dns, $"cannot resolve host '{target?.Host}': {socket.Message}"),
                SocketError.TimedOut => (ErrorKinds.Timeout, $"no answer from {where}: {socket.Message}"),
                SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown =>
                    (ErrorKinds.ConnectionReset, $"{where} closed the connection: {socket.Message}"),
                SocketError.AccessDenied => (ErrorKinds.PermissionDenied, $"not allowed to connect to {where}: {socket.Message}"),
                SocketError.AddressNotAvailable when target?.Host.StartsWith('/') == true =>
                    (ErrorKinds.ConnectionRefused, $"no server socket at {where}: {socket.Message}"),
                _ => (ErrorKinds.Unreachable, $"{where} is unreachable: {socket.Message}"),
            };
        }

        if (e is TimeoutException || e is OperationCanceledException || Find<TimeoutException>(e) is not null)
        {
            return (ErrorKinds.Timeout, $"{where} did not answer in time");
        }

        if (Find<AuthenticationException>(e) is { } tls)
        {
            return (ErrorKinds.Tls, $"TLS with {where} failed: {tls.Message}");
        }

        if (Find<EndOfStreamException>(e) is not null || Find<IOException>(e) is not null)
        {
            return (ErrorKinds.ConnectionReset, $"{where} closed the connection: {Innermost(e).Message}");
        }

        if (e.Message.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            return (ErrorKinds.AuthFailed, e.Message);
        }

        return (ErrorKinds.Protocol, $"talking to {where} failed: {Innermost(e).Message}");
    }

    public static string KindOf(string sqlState) => sqlState switch
    {
        "28P01" or "28000" => ErrorKinds.AuthFailed,
        "3D000" => ErrorKinds.DatabaseMissing,
        "53300" => ErrorKinds.TooManyClients,
        "57P03" or "57P01" or "57P02" => ErrorKinds.Unavailable,
        "57014" => ErrorKinds.Timeout,
        "55P03" or "40P01" => ErrorKinds.Busy,
        "42501" => ErrorKinds.PermissionDenied,
        "42P01" or "42703" or "42883" or "42704" or "3F000" => ErrorKinds.NotFound,
        "25006" => ErrorKinds.InvalidArgument,
        "XX001" or "XX002" => ErrorKinds.Corrupt,
        _ when sqlState.StartsWith("42", StringComparison.Ordinal) || sqlState.StartsWith("22", StringComparison.Ordinal) => ErrorKinds.InvalidArgument,
        _ when sqlState.StartsWith("08", StringComparison.Ordinal) => ErrorKinds.ConnectionReset,
        _ => ErrorKinds.QueryFailed,
    };

    public static string? Mask(string? text, string? password) =>
        text is null || string.IsNullOrEmpty(password) ? text : text.Replace(password, SecretSet.Mask, StringComparison.Ordinal);

    private static T? Find<T>(Exception e)
        where T : Exception
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is T match)
            {
                return match;
            }
        }

        return null;
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
