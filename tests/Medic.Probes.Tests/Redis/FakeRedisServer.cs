using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Medic.Probes.Redis.Resp;
using Xunit;

namespace Medic.Probes.Tests.Redis;

/// <summary>
/// A tiny in-process stand-in for failures a real Redis cannot produce on demand: malformed, truncated, oversized or
/// absent replies, LOADING, OOM. It parses each command and answers with whatever the test's handler returns.
/// </summary>
internal sealed class FakeRedisServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<IReadOnlyList<string>, FakeReply> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly ConcurrentQueue<IReadOnlyList<string>> _commands = new();

    public FakeRedisServer(Func<IReadOnlyList<string>, FakeReply> handler)
    {
        _handler = handler;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Url => $"redis://127.0.0.1:{Port}";

    public IReadOnlyList<IReadOnlyList<string>> Commands => [.. _commands];

    /// <summary>Answers the handshake and PING like a healthy server, and everything else with <paramref name="other"/>.</summary>
    public static FakeRedisServer Answering(Func<IReadOnlyList<string>, FakeReply> other) => new(cmd => Healthy(cmd) ?? other(cmd));

    public static FakeReply? Healthy(IReadOnlyList<string> cmd) => cmd[0].ToUpperInvariant() switch
    {
        "CLIENT" when cmd[1].Equals("SETNAME", StringComparison.OrdinalIgnoreCase) => FakeReply.Raw("+OK\r\n"),
        "PING" => FakeReply.Raw("+PONG\r\n"),
        "AUTH" => FakeReply.Raw("+OK\r\n"),
        _ => null,
    };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        client.NoDelay = true;
        var stream = client.GetStream();
        var buffer = new byte[64 * 1024];
        var filled = 0;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(filled), _stop.Token);
                if (read == 0)
                {
                    return;
                }

                filled += read;
                while (filled > 0 && RespParser.Parse(buffer.AsSpan(0, filled), RespLimits.Default) is { IsComplete: true } parsed)
                {
                    Buffer.BlockCopy(buffer, parsed.Consumed, buffer, 0, filled - parsed.Consumed);
                    filled -= parsed.Consumed;
                    var command = parsed.Value!.Items!.Select(i => i.AsText() ?? "").ToList();
                    _commands.Enqueue(command);
                    var reply = _handler(command);
                    if (reply.Bytes is null)
                    {
                        await Task.Delay(Timeout.Infinite, _stop.Token);
                    }

                    await SendAsync(stream, reply);
                    if (reply.Close)
                    {
                        return;
                    }
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
        {
        }
    }

    private async Task SendAsync(NetworkStream stream, FakeReply reply)
    {
        var bytes = reply.Bytes!;
        var chunk = reply.ChunkSize > 0 ? reply.ChunkSize : bytes.Length;
        for (var at = 0; at < bytes.Length; at += chunk)
        {
            await stream.WriteAsync(bytes.AsMemory(at, Math.Min(chunk, bytes.Length - at)), _stop.Token);
            await stream.FlushAsync(_stop.Token);
            if (reply.ChunkSize > 0)
            {
                await Task.Delay(1, _stop.Token);
            }
        }
    }
}
