using System.Net;
using System.Net.Sockets;

namespace Medic.Probes.Tests.NetSupport;

/// <summary>
/// A loopback endpoint that never answers. <see cref="Accepting"/> completes TCP handshakes (the kernel does that
/// for a listening socket) but never reads or replies, like a hung server. <see cref="Blackholed"/> fills its
/// accept queue so Linux drops further SYNs, so a connect gets no answer at all, like a firewall that drops packets.
/// </summary>
public sealed class SilentListener : IDisposable
{
    private readonly Socket _listener;
    private readonly List<Socket> _fillers = [];

    private SilentListener(Socket listener)
    {
        _listener = listener;
        Endpoint = (IPEndPoint)listener.LocalEndPoint!;
    }

    public IPEndPoint Endpoint { get; }

    public int Port => Endpoint.Port;

    public static SilentListener Accepting()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Listen(64);
        return new SilentListener(socket);
    }

    public static async Task<SilentListener> BlackholedAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Listen(0);
        var listener = new SilentListener(socket);

        // Connect until one hangs: from then on the queue is full and every new SYN is dropped.
        for (var i = 0; i < 8; i++)
        {
            var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener._fillers.Add(filler);
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(TimeSpan.FromMilliseconds(300));
            try
            {
                await filler.ConnectAsync(listener.Endpoint, attempt.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return listener;
            }
        }

        listener.Dispose();
        throw new InvalidOperationException("the accept queue never filled; this kernel does not drop SYNs on a full queue");
    }

    public void Dispose()
    {
        foreach (var filler in _fillers)
        {
            filler.Dispose();
        }

        _listener.Dispose();
    }
}
