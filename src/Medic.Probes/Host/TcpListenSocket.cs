using System.Net;

namespace Medic.Probes.Host;

/// <summary>One listening TCP socket from /proc/net/tcp or tcp6.</summary>
internal sealed record TcpListenSocket(IPAddress Address, int Port, ulong Inode)
{
    /// <summary>"127.0.0.1:3001", "[::]:3001"; an IPv4-mapped address is shown as the IPv4 address it stands for.</summary>
    public string Endpoint
    {
        get
        {
            var address = Address.IsIPv4MappedToIPv6 ? Address.MapToIPv4() : Address;
            return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
                ? $"[{address}]:{Port}"
                : $"{address}:{Port}";
        }
    }
}
