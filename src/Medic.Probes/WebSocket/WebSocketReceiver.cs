using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Medic.Probes.Net;

namespace Medic.Probes.WebSocket;

/// <summary>
/// Reads frames for the whole life of an upgraded connection, as a browser does: answers pings (a server's keepalive
/// must not look like a dead client), assembles messages, echoes the server's close, and posts each message and the
/// end of the connection as stamped events the probe waits on with its own time limits.
/// </summary>
internal sealed class WebSocketReceiver
{
    private const int MaxKeptBytes = 64 * 1024;
    private readonly WebSocketConnection _connection;
    private readonly TimeProvider _time;
    private readonly Channel<WebSocketEvent> _events = Channel.CreateUnbounded<WebSocketEvent>(new() { SingleReader = true, SingleWriter = true });
    private int _closeSent;

    private WebSocketReceiver(WebSocketConnection connection, TimeProvider time)
    {
        _connection = connection;
        _time = time;
    }

    public ChannelReader<WebSocketEvent> Events => _events.Reader;

    public Task Completion { get; private set; } = Task.CompletedTask;

    public static WebSocketReceiver Start(WebSocketConnection connection, TimeProvider time, CancellationToken cancellationToken)
    {
        var receiver = new WebSocketReceiver(connection, time);
        receiver.Completion = Task.Run(() => receiver.RunAsync(cancellationToken), CancellationToken.None);
        return receiver;
    }

    /// <summary>Starts the closing handshake from our side (once); the server's answering close ends the loop.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _closeSent, 1) == 0)
        {
            await _connection.SendCloseAsync(1000, "", cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        MemoryStream? message = null;
        var binary = false;
        long length = 0;
        try
        {
            while (true)
            {
                var frame = await _connection.ReadFrameAsync(MaxKeptBytes, cancellationToken).ConfigureAwait(false);
                switch (frame.Opcode)
                {
                    case WebSocketOpcode.Ping:
                        await _connection.SendFrameAsync(WebSocketOpcode.Pong, frame.Payload, cancellationToken).ConfigureAwait(false);
                        break;
                    case WebSocketOpcode.Pong:
                        break;
                    case WebSocketOpcode.Text or WebSocketOpcode.Binary or WebSocketOpcode.Continuation:
                        if ((frame.Opcode == WebSocketOpcode.Continuation) == (message is null))
                        {
                            throw new WebSocketProtocolException(message is null
                                ? "the server continued a message it never started"
                                : "the server started a new message before finishing the last");
                        }

                        if (message is null)
                        {
                            (message, binary, length) = (new MemoryStream(), frame.Opcode == WebSocketOpcode.Binary, 0);
                        }

                        length += frame.Length;
                        message.Write(frame.Payload, 0, (int)Math.Min(frame.Payload.Length, Math.Max(0, MaxKeptBytes - message.Length)));
                        if (frame.Fin)
                        {
                            Post(new MessageEvent(_time.GetTimestamp(), binary, length, Describe(message, binary, length)));
                            await message.DisposeAsync().ConfigureAwait(false);
                            message = null;
                        }

                        break;
                    case WebSocketOpcode.Close:
                        await OnCloseAsync(frame, cancellationToken).ConfigureAwait(false);
                        return;
                    default:
                        throw new WebSocketProtocolException($"the server sent a frame with unknown opcode {(int)frame.Opcode}");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (EndOfStreamException)
        {
            Post(new ClosedEvent(_time.GetTimestamp(), null, null, "the connection was closed without a close frame"));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            Post(new ClosedEvent(_time.GetTimestamp(), null, null, NetErrors.Classify(e).Message));
        }
        catch (WebSocketProtocolException e)
        {
            Post(new ClosedEvent(_time.GetTimestamp(), null, null, "protocol error: " + e.Message));
        }
        finally
        {
            message?.Dispose();
            _events.Writer.TryComplete();
        }
    }

    private async Task OnCloseAsync(WebSocketFrame frame, CancellationToken cancellationToken)
    {
        var at = _time.GetTimestamp();
        int? status = frame.Payload.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(frame.Payload) : null;
        var reason = frame.Payload.Length > 2 ? Encoding.UTF8.GetString(frame.Payload, 2, frame.Payload.Length - 2) : null;
        Post(new ClosedEvent(at, status, reason, null));
        if (Interlocked.Exchange(ref _closeSent, 1) == 0)
        {
            try
            {
                // Completing the closing handshake is what a well-behaved client does; the server may already be gone.
                await _connection.SendCloseAsync(status ?? 1000, "", cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
            }
        }
    }

    private void Post(WebSocketEvent e) => _events.Writer.TryWrite(e);

    private static string Describe(MemoryStream message, bool binary, long length) =>
        binary ? $"({length} bytes of binary data)" : Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
}
