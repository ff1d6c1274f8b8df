namespace Medic.Probes.Nginx;

/// <summary>One address nginx connects to: a host and port, or a Unix socket path (<see cref="Port"/> 0).</summary>
internal sealed record NginxBackendServer(string Address, string Host, int Port, bool Backup, bool Down)
{
    public bool IsUnixSocket => Port == 0;
}
