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

    // Database servers (PostgreSQL first).
    public const string DatabaseMissing = "database_missing";
    public const string TooManyClients = "too_many_clients";
    public const string Unavailable = "unavailable";
    public const string QueryFailed = "query_failed";
}
