namespace Medic.Probes.Nginx;

/// <summary>nginx's built-in values for the settings Medic reports, used where no block sets them.</summary>
internal static class NginxDefaults
{
    public const long ProxyReadTimeoutMs = 60_000;
    public const long ProxySendTimeoutMs = 60_000;
    public const long ProxyConnectTimeoutMs = 60_000;
    public const long ClientMaxBodySizeBytes = 1024 * 1024;

    /// <summary>nginx speaks HTTP/1.0 to upstreams unless told otherwise; WebSockets need 1.1.</summary>
    public const string ProxyHttpVersion = "1.0";

    public const bool ProxyBuffering = true;
    public const int WorkerConnections = 512;
    public const string ErrorLogLevel = "error";
}
