using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Medic.Probes.WebSocket;

internal sealed partial class WebSocketConnection
{
    public Task SendTextAsync(string text, CancellationToken cancellationToken) =>
        SendFrameAsync(WebSocketOpcode.Text, Encoding.UTF8.GetBytes(text), cancellationToken);

    public Task SendCloseAsync(int status, string reason, CancellationToken cancellationToken)
    {
        var payload = new byte[2 + Encoding.UTF8.GetByteCount(reason)];
        BinaryPrimitives.WriteUInt16BigEndian(payload, (ushort)status);
        Encoding.UTF8.GetBytes(reason, payload.AsSpan(2));
        return SendFrameAsync(WebSocketOpcode.Close, payload, cancellationToken);
    }

    /// <summary>Writes one final frame, masked as RFC 6455 requires of a client.</summary>
    public Task SendFrameAsync(WebSocketOpcode opcode, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var length = payload.Length;
        var extra = length < 126 ? 0 : length <= ushort.MaxValue ? 2 : 8;
        var frame = new byte[2 + extra + 4 + length];
        frame[0] = (byte)(0x80 | (byte)opcode);
        if (extra == 0)
        {
            frame[1] = (byte)(0x80 | length);
        }
        else if (extra == 2)
        {
            frame[1] = 0x80 | 126;
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)length);
        }
        else
        {
            frame[1] = 0x80 | 127;
            BinaryPrimitives.WriteUInt64BigEndian(frame.AsSpan(2), (ulong)length);
        }

        var maskAt = 2 + extra;
        RandomNumberGenerator.Fill(frame.AsSpan(maskAt, 4));
        var body = frame.AsSpan(maskAt + 4);
        payload.Span.CopyTo(body);
        for (var i = 0; i < body.Length; i++)
        {
            body[i] ^= frame[maskAt + (i & 3)];
        }

        return WriteAsync(frame, cancellationToken);
    }

    /// <summary>Reads one frame, keeping at most <paramref name="maxPayload"/> bytes of its payload and skipping the rest.</summary>
    public async Task<WebSocketFrame> ReadFrameAsync(int maxPayload, CancellationToken cancellationToken)
    {
        await EnsureAsync(2, cancellationToken).ConfigureAwait(false);
        var b0 = _buffer[_start];
        var b1 = _buffer[_start + 1];
        _start += 2;
        if ((b0 & 0x70) != 0)
        {
            throw new WebSocketProtocolException("the server set reserved frame bits (an extension the probe did not ask for)");
        }

        var opcode = (WebSocketOpcode)(b0 & 0x0F);
        var fin = (b0 & 0x80) != 0;
        long length = b1 & 0x7F;
        if (length == 126)
        {
            await EnsureAsync(2, cancellationToken).ConfigureAwait(false);
            length = BinaryPrimitives.ReadUInt16BigEndian(_buffer.AsSpan(_start));
            _start += 2;
        }
        else if (length == 127)
        {
            await EnsureAsync(8, cancellationToken).ConfigureAwait(false);
            var big = BinaryPrimitives.ReadUInt64BigEndian(_buffer.AsSpan(_start));
            _start += 8;
            length = big > long.MaxValue ? throw new WebSocketProtocolException("a frame length does not fit 63 bits") : (long)big;
        }

        if ((byte)opcode >= 0x8 && (length > 125 || !fin))
        {
            throw new WebSocketProtocolException($"a {opcode} control frame is fragmented or longer than 125 bytes");
        }

        var mask = Array.Empty<byte>();
        if ((b1 & 0x80) != 0)
        {
            // Servers must not mask; tolerate it rather than fail a diagnosis over it.
            await EnsureAsync(4, cancellationToken).ConfigureAwait(false);
            mask = _buffer.AsSpan(_start, 4).ToArray();
            _start += 4;
        }

        var payload = new byte[(int)Math.Min(length, maxPayload)];
        await ReadIntoAsync(payload, cancellationToken).ConfigureAwait(false);
        await SkipAsync(length - payload.Length, cancellationToken).ConfigureAwait(false);
        if (mask.Length == 4)
        {
            for (var i = 0; i < payload.Length; i++)
            {
                payload[i] ^= mask[i & 3];
            }
        }

        return new WebSocketFrame(fin, opcode, payload, length);
    }

    private async Task EnsureAsync(int count, CancellationToken cancellationToken)
    {
        while (_end - _start < count)
        {
            if (await FillAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new EndOfStreamException("the connection was closed without a close frame");
            }
        }
    }

    private async Task ReadIntoAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        while (destination.Length > 0)
        {
            if (_start == _end)
            {
                await EnsureAsync(1, cancellationToken).ConfigureAwait(false);
            }

            var take = Math.Min(destination.Length, _end - _start);
            _buffer.AsMemory(_start, take).CopyTo(destination);
            _start += take;
            destination = destination[take..];
        }
    }

    private async Task SkipAsync(long count, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (_start == _end)
            {
                await EnsureAsync(1, cancellationToken).ConfigureAwait(false);
            }

            var take = (int)Math.Min(count, _end - _start);
            _start += take;
            count -= take;
        }
    }
}
