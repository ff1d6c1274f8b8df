using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Medic.Probes.Nats;

/// <summary>
/// One TCP connection speaking the NATS client protocol's control lines: read a CRLF-terminated line, write text,
/// and upgrade to TLS after INFO when the server asks for it. Every read and write honours the token.
/// </summary>
internal sealed class NatsConnection : IAsyncDisposable
{
    /// <summary>An INFO line lists the cluster's connect URLs; 64 KiB is far beyond any real one, and bounds a hostile peer.</summary>
    public const int MaxLineBytes = 64 * 1024;

    private readonly byte[] _buffer = new byte[MaxLineBytes + 2];
    private Stream _stream;
    private int _start;
    private int _end;

    private NatsConnection(Stream stream) => _stream = stream;

    public static async Task<NatsConnection> ConnectAsync(NatsTarget target, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(target.Host, target.Port, cancellationToken).ConfigureAwait(false);
            return new NatsConnection(new NetworkStream(socket, ownsSocket: true));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Reads one control line, without its CRLF.</summary>
    public async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var length = newline - _start;
                if (length > 0 && _buffer[newline - 1] == (byte)'\r')
                {
                    length--;
                }

                var line = Encoding.UTF8.GetString(_buffer, _start, length);
                _start = newline + 1;
                return line;
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                throw new NatsProtocolException($"the server sent a line longer than {MaxLineBytes / 1024} KiB");
            }

            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new NatsConnectionClosedException(_end > 0 ? "the server closed the connection in the middle of a line" : "the server closed the connection");
            }

            _end += read;
        }
    }

    public async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts TLS on the open connection, as the protocol does right after the server's INFO.</summary>
    public async Task UpgradeToTlsAsync(NatsTarget target, CancellationToken cancellationToken)
    {
        if (_end > _start)
        {
            throw new NatsProtocolException("the server sent more than INFO before the TLS handshake");
        }

        var ssl = new SslStream(_stream, leaveInnerStreamOpen: false);
        _stream = ssl;
        await ssl.AuthenticateAsClientAsync(TlsOptions(target), cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();

    private static SslClientAuthenticationOptions TlsOptions(NatsTarget target)
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
