using System.Net.Security;
using System.Net.Sockets;
using Medic.Probes.Redis.Resp;

namespace Medic.Probes.Redis;

/// <summary>
/// One connection to a Redis server speaking RESP2: send a command, read its reply. Every read and write honours
/// the token; what a reply may hold is bounded by <see cref="RespLimits"/>. By default only the read-only commands
/// in <see cref="RedisCommands"/> may be sent.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    private const int InitialBuffer = 16 * 1024;
    private readonly Stream _stream;
    private readonly RespLimits _limits;
    private readonly bool _allowWrites;
    private readonly RedisTrace _trace;
    private byte[] _buffer = new byte[InitialBuffer];
    private int _start;
    private int _end;
    private long _received;

    private RedisConnection(Stream stream, RespLimits limits, bool allowWrites, RedisTrace trace)
    {
        _stream = stream;
        _limits = limits;
        _allowWrites = allowWrites;
        _trace = trace;
    }

    public static async Task<RedisConnection> ConnectAsync(
        RedisTarget target, RedisTrace trace, RespLimits? limits = null, bool allowWrites = false,
        CancellationToken cancellationToken = default)
    {
        trace.Stage = "connect";
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        try
        {
            await socket.ConnectAsync(target.Host, target.Port, cancellationToken).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: true);
            if (target.Tls)
            {
                trace.Stage = "tls";
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await ssl.AuthenticateAsClientAsync(TlsOptions(target), cancellationToken).ConfigureAwait(false);
            }

            return new RedisConnection(stream, limits ?? RespLimits.Default, allowWrites, trace);
        }
        catch
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends a command and returns its reply; an error reply is returned as a value, not thrown.</summary>
    public async Task<RespValue> ExecuteAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        if (!_allowWrites && !RedisCommands.IsReadOnly(args))
        {
            throw new InvalidOperationException($"{RedisCommands.NameOf(args)} is not a read-only command; probes may not send it.");
        }

        _trace.Stage = RedisCommands.NameOf(args);
        await _stream.WriteAsync(RespWriter.Command(args), cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        return await ReadReplyAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Like <see cref="ExecuteAsync"/>, but an error reply throws <see cref="RedisServerException"/>.</summary>
    public async Task<RespValue> CallAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        var reply = await ExecuteAsync(args, cancellationToken).ConfigureAwait(false);
        return reply.IsError ? throw new RedisServerException(reply.Text ?? "", RedisCommands.NameOf(args)) : reply;
    }

    /// <summary>Reads one reply without sending anything (pushes after MONITOR, in tests).</summary>
    public async Task<RespValue> ReadReplyAsync(CancellationToken cancellationToken = default)
    {
        var needed = 1;
        while (true)
        {
            if (_end - _start >= needed)
            {
                var result = RespParser.Parse(_buffer.AsSpan(_start, _end - _start), _limits);
                if (result.IsComplete)
                {
                    _start += result.Consumed;
                    return result.Value!;
                }

                needed = result.Needed;
            }

            await FillAsync(needed, cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();

    private async Task FillAsync(int needed, CancellationToken cancellationToken)
    {
        MakeRoom(needed);
        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            throw new RedisConnectionClosedException(_end > _start
                ? "the server closed the connection in the middle of a reply"
                : "the server closed the connection");
        }

        _end += read;
        _received += read;
        if (_received > _limits.MaxConnectionBytes)
        {
            throw new RespProtocolException($"the server sent more than the {_limits.MaxConnectionBytes} bytes allowed on one connection");
        }
    }

    /// <summary>Moves unread bytes to the front and grows the buffer so it can hold <paramref name="needed"/> of them.</summary>
    private void MakeRoom(int needed)
    {
        var unread = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, unread);
            _start = 0;
            _end = unread;
        }

        if (needed > _buffer.Length || _end == _buffer.Length)
        {
            var size = Math.Max(needed, (int)Math.Min(_buffer.Length * 2L, _limits.MaxReplyBytes + 2L));
            if (size <= _buffer.Length)
            {
                throw new RespProtocolException($"reply is larger than the {_limits.MaxReplyBytes} bytes allowed");
            }

            Array.Resize(ref _buffer, size);
        }
    }

    private static SslClientAuthenticationOptions TlsOptions(RedisTarget target)
    {
        var options = new SslClientAuthenticationOptions { TargetHost = target.Host };
        if (target.TlsInsecure)
        {
            // The operator asked for it (self-signed servers); every observation then carries tls_insecure: true.
#pragma warning disable CA5359
            options.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        return options;
    }
}
