using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Medic.Probes.WebSocket;

/// <summary>
/// One TCP (and, for wss://, TLS) connection speaking the HTTP/1.1 upgrade and then RFC 6455 frames. A raw client
/// rather than <see cref="System.Net.WebSockets.ClientWebSocket"/>, which hides the status line and body of a refused
/// upgrade: telling a proxy's 400 from a backend's 426 or an SPA's 200 is the point of the probe.
/// </summary>
internal sealed partial class WebSocketConnection : IAsyncDisposable
{
    private const int MaxHeadBytes = 16 * 1024;
    private static readonly byte[] EndOfHead = "\r\n\r\n"u8.ToArray();
    private readonly Stream _stream;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private WebSocketConnection(Stream stream) => _stream = stream;

    /// <summary>The TLS session of a wss:// connection, else null.</summary>
    public SslStream? Tls => _stream as SslStream;

    public static async Task<WebSocketConnection> OpenAsync(WebSocketTarget target, HandshakeTrace trace, CancellationToken cancellationToken)
    {
        trace.Stage = HandshakeStage.Connect;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        try
        {
            await socket.ConnectAsync(target.Host, target.Port, cancellationToken).ConfigureAwait(false);
            trace.Connected();
            stream = new NetworkStream(socket, ownsSocket: true);
            if (target.Secure)
            {
                trace.Stage = HandshakeStage.Tls;
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await ssl.AuthenticateAsClientAsync(TlsOptions(target), cancellationToken).ConfigureAwait(false);
            }

            trace.Stage = HandshakeStage.Upgrade;
            return new WebSocketConnection(stream);
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

    public async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Reads the response head; bytes after it (a first frame in the same packet) stay buffered.</summary>
    public async Task<ResponseHead> ReadHeadAsync(CancellationToken cancellationToken)
    {
        var searched = 0;
        while (true)
        {
            var at = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf(EndOfHead);
            if (at >= 0)
            {
                var length = searched + at;
                var head = ResponseHead.Parse(_buffer.AsSpan(_start, length));
                _start += length + EndOfHead.Length;
                return head;
            }

            searched = Math.Max(0, _end - _start - (EndOfHead.Length - 1));
            if (_end - _start >= MaxHeadBytes)
            {
                throw new WebSocketProtocolException($"the response head is longer than {MaxHeadBytes / 1024} KB");
            }

            if (await FillAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                throw new EndOfStreamException(_end > _start
                    ? "the server closed the connection in the middle of its answer"
                    : "the server closed the connection without answering the upgrade");
            }
        }
    }

    /// <summary>
    /// The start of a refused upgrade's body, for the report. Reads what arrives within <paramref name="cap"/>, so a
    /// keep-alive server that never closes cannot hold the probe; whatever came by then is the answer.
    /// </summary>
    public async Task<string> ReadBodyAsync(ResponseHead head, int max, TimeSpan cap, TimeProvider time, CancellationToken cancellationToken)
    {
        var chunked = head.HasToken("Transfer-Encoding", "chunked");
        long wanted = head.StatusCode is (>= 100 and < 200) or 204 or 304 ? 0 : head.ContentLength ?? max + 32L;
        wanted = Math.Min(wanted, Math.Min(max + 32L, _buffer.Length / 2));
        using var limit = new CancellationTokenSource(cap, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            while (_end - _start < wanted && !(chunked && _buffer.AsSpan(_start, _end - _start).IndexOf("0\r\n\r\n"u8) >= 0))
            {
                if (await FillAsync(linked.Token).ConfigureAwait(false) == 0)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
            // A refused upgrade often ends with a reset; the bytes that arrived before it are still the answer.
        }

        var bytes = _buffer.AsSpan(_start, (int)Math.Min(wanted, _end - _start));
        var text = chunked ? Dechunk(bytes) : Encoding.UTF8.GetString(bytes);
        return text.Length > max ? text[..max] : text;
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _writeLock.Dispose();
    }

    private static SslClientAuthenticationOptions TlsOptions(WebSocketTarget target)
    {
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = target.Host,
            ApplicationProtocols = [SslApplicationProtocol.Http11],
        };
        if (target.TlsInsecure)
        {
            // The operator asked for it (self-signed test servers); the observation says tls_insecure: true.
#pragma warning disable CA5359
            options.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        return options;
    }

    private static string Dechunk(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        var rest = bytes;
        while (rest.Length > 0)
        {
            var eol = rest.IndexOf("\r\n"u8);
            var sizeText = Encoding.ASCII.GetString(eol < 0 ? rest : rest[..eol]).Split(';')[0].Trim();
            if (eol < 0 || !int.TryParse(sizeText, System.Globalization.NumberStyles.HexNumber, null, out var size) || size <= 0)
            {
                break;
            }

            rest = rest[(eol + 2)..];
            var take = Math.Min(size, rest.Length);
            text.Append(Encoding.UTF8.GetString(rest[..take]));
            rest = rest[take..];
            rest = rest.StartsWith("\r\n"u8) ? rest[2..] : rest;
        }

        return text.ToString();
    }

    /// <summary>Reads more bytes into the buffer; returns 0 at the end of the stream.</summary>
    private async Task<int> FillAsync(CancellationToken cancellationToken)
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _buffer.Length)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        return read;
    }
}
