using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace Medic.Probes.Tests.Servers;

/// <summary>
/// For failures a real server cannot produce on demand: a listener that accepts and never answers, or one that
/// answers every startup with a fixed FATAL error (as a server that is starting up does).
/// </summary>
public sealed class PostgresFakePostmaster : IAsyncDisposable
{
    private const int SslRequest = 80877103;
    private const int GssRequest = 80877104;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = [];
    private readonly Task _loop;
    private readonly (string SqlState, string Message)? _error;

    private PostgresFakePostmaster((string, string)? error)
    {
        _error = error;
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=app;Database=app";

    public static PostgresFakePostmaster Silent() => new(null);

    public static PostgresFakePostmaster Failing(string sqlState, string message) => new((sqlState, message));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_clients)
        {
            _clients.ForEach(c => c.Dispose());
        }

        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_clients)
            {
                _clients.Add(client);
            }

            if (_error is { } error)
            {
                _ = Task.Run(() => RejectAsync(client, error));
            }
        }
    }

    private async Task RejectAsync(TcpClient client, (string SqlState, string Message) error)
    {
        try
        {
            var stream = client.GetStream();
            while (true)
            {
                var header = new byte[8];
                await stream.ReadExactlyAsync(header, _stop.Token);
                var length = BinaryPrimitives.ReadInt32BigEndian(header);
                var code = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4));
                if (code is SslRequest or GssRequest)
                {
                    await stream.WriteAsync("N"u8.ToArray(), _stop.Token);
                    continue;
                }

                await stream.ReadExactlyAsync(new byte[length - 8], _stop.Token);
                await stream.WriteAsync(ErrorResponse(error.SqlState, error.Message), _stop.Token);
                return;
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or EndOfStreamException)
        {
        }
        finally
        {
            client.Dispose();
        }
    }

    private static byte[] ErrorResponse(string sqlState, string message)
    {
        var body = new MemoryStream();
        foreach (var (field, value) in new[] { ('S', "FATAL"), ('V', "FATAL"), ('C', sqlState), ('M', message) })
        {
            body.WriteByte((byte)field);
            body.Write(Encoding.UTF8.GetBytes(value));
            body.WriteByte(0);
        }

        body.WriteByte(0);
        var packet = new byte[5 + body.Length];
        packet[0] = (byte)'E';
        BinaryPrimitives.WriteInt32BigEndian(packet.AsSpan(1), (int)body.Length + 4);
        body.ToArray().CopyTo(packet, 5);
        return packet;
    }
}
