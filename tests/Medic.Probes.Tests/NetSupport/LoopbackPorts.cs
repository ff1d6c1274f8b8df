using System.Net;
using System.Net.Sockets;

namespace Medic.Probes.Tests.NetSupport;

/// <summary>Loopback ports for tests.</summary>
public static class LoopbackPorts
{
    /// <summary>A port nothing listens on: bound by the OS, then released.</summary>
    public static int Closed(AddressFamily family = AddressFamily.InterNetwork)
    {
        using var socket = new Socket(family, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Loopback : IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
