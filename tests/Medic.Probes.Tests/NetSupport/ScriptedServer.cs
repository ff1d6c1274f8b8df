using System.Net;
using System.Net.Sockets;

namespace Medic.Probes.Tests.NetSupport;

/// <summary>A loopback TCP server that runs a script on each accepted connection: for failures a real HTTP server will not produce on demand.</summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private ScriptedServer(Func<Socket, CancellationToken, Task> script)
    {
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(16);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _loop = AcceptLoopAsync(script);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public static ScriptedServer Start(Func<Socket, CancellationToken, Task> script) => new(script);

    /// <summary>Reads the request head, then writes <paramref name="response"/> verbatim and closes.</summary>
    public static ScriptedServer Answering(string response) => Start(async (socket, ct) =>
    {
        await ReadRequestHeadAsync(socket, ct);
        await socket.SendAsync(System.Text.Encoding.ASCII.GetBytes(response), ct);
        socket.Shutdown(SocketShutdown.Both);
    });

    /// <summary>Accepts, reads the request, then resets the connection without answering.</summary>
    public static ScriptedServer Resetting() => Start(async (socket, ct) =>
    {
        await ReadRequestHeadAsync(socket, ct);
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    });

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private static async Task ReadRequestHeadAsync(Socket socket, CancellationToken ct)
    {
        var buffer = new byte[8192];
        var seen = "";
        while (!seen.Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var n = await socket.ReceiveAsync(buffer, ct);
            if (n == 0)
            {
                return;
            }

            seen += System.Text.Encoding.ASCII.GetString(buffer, 0, n);
        }
    }

    private async Task AcceptLoopAsync(Func<Socket, CancellationToken, Task> script)
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptAsync(_stop.Token);
            _ = Task.Run(async () =>
            {
                using (socket)
                {
                    try
                    {
                        await script(socket, _stop.Token);
                    }
                    catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
                    {
                        // The client went away or the server is stopping; either way this connection is done.
                    }
                }
            });
        }
    }
}
