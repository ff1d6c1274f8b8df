namespace Medic.Core.Model;

/// <summary>Stable error kinds a probe reports; runbooks test them (<c>db.error.kind == 'connection_refused'</c>).</summary>
public static class ErrorKinds
{
    public const string ConnectionRefused = "connection_refused";
    public const string Timeout = "timeout";
    public const string Dns = "dns";
    public const string Unreachable = "unreachable";
    public const string ConnectionReset = "connection_reset";
    public const string Tls = "tls";
    public const string Protocol = "protocol";
    public const string NotFound = "not_found";
    public const string PermissionDenied = "permission_denied";
    public const string AuthFailed = "auth_failed";
    public const string Busy = "busy";
    public const string Corrupt = "corrupt";
    public const string InvalidArgument = "invalid_argument";
    public const string Unsupported = "unsupported";
    public const string Cancelled = "cancelled";
    public const string Internal = "internal";

    /// <summary>The server is up but still loading its data (Redis <c>LOADING</c>).</summary>
    public const string Loading = "loading";

    /// <summary>The server refuses work for lack of memory (Redis <c>OOM</c> at maxmemory).</summary>
    public const string OutOfMemory = "oom";

    /// <summary>The server answered with an error no other kind describes; the observation's data carries its code.</summary>
    public const string ServerError = "server_error";
    // Database servers (PostgreSQL first).
    public const string DatabaseMissing = "database_missing";
    /// <summary>The server refuses new connections at its limit (PostgreSQL max_connections, Redis maxclients).</summary>
    public const string TooManyClients = "too_many_clients";
    public const string Unavailable = "unavailable";
    public const string QueryFailed = "query_failed";

    /// <summary>The server answered the WebSocket upgrade over HTTP but did not switch protocols; the data keeps its status code.</summary>
    public const string UpgradeRejected = "upgrade_rejected";
}
