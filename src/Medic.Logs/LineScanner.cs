using System.Buffers;
using System.IO.Compression;
using System.Text.Unicode;

namespace Medic.Logs;

/// <summary>
/// Splits a byte stream into lines with a pooled buffer: vectorised newline search, one UTF-8 validating decode
/// per line into a reused char buffer. Bad input (line too long, NUL byte, invalid UTF-8, corrupt or truncated
/// gzip) raises a <see cref="LogInputException"/> naming path:line[:column]. Memory is bounded by the longest
/// allowed line, whatever the file size.
/// </summary>
public sealed class LineScanner : IDisposable
{
    private const int ChunkBytes = 1 << 18;

    private readonly Stream stream;
    private byte[] bytes = ArrayPool<byte>.Shared.Rent(ChunkBytes);
    private char[] chars = ArrayPool<char>.Shared.Rent(ChunkBytes);
    private int start;
    private int end;
    private int length;
    private bool eof;

    public LineScanner(string path, Stream stream, bool gzip)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Path = path;
        this.stream = gzip ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }

    public string Path { get; }

    /// <summary>1-based number of the current line.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The current line without its line ending; valid until the next call to <see cref="Next"/>.</summary>
    public ReadOnlySpan<char> Current => chars.AsSpan(0, length);

    public bool Next()
    {
        while (true)
        {
            var newline = bytes.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                Decode(bytes.AsSpan(start, newline));
                start += newline + 1;
                return true;
            }
            if (end - start > LogLineReader.MaxLineChars)
            {
                throw new LogInputException($"{Path}:{LineNumber + 1}: line longer than {LogLineReader.MaxLineChars} bytes");
            }
            if (eof)
            {
                if (start == end)
                {
                    return false;
                }
                Decode(bytes.AsSpan(start, end - start));
                start = end;
                return true;
            }
            Fill();
        }
    }

    private void Fill()
    {
        if (start > 0)
        {
            bytes.AsSpan(start, end - start).CopyTo(bytes);
            end -= start;
            start = 0;
        }
        if (end == bytes.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(bytes.Length * 2);
            bytes.AsSpan(0, end).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(bytes);
            bytes = bigger;
        }
        int n;
        try
        {
            n = stream.Read(bytes, end, bytes.Length - end);
        }
        catch (InvalidDataException e)
        {
            var what = e.Message.Contains("truncated", StringComparison.OrdinalIgnoreCase) ? "truncated gzip stream (the file ends inside compressed data)" : $"corrupt gzip data: {e.Message}";
            throw new LogInputException($"{Path}:{LineNumber + 1}: {what}", e);
        }
        catch (IOException e)
        {
            throw new LogInputException($"{Path}:{LineNumber + 1}: read error: {e.Message}", e);
        }
        if (n == 0)
        {
            eof = true;
        }
        end += n;
    }

    private void Decode(ReadOnlySpan<byte> line)
    {
        LineNumber++;
        if (LineNumber == 1 && line.StartsWith("\uFEFF"u8))
        {
            // a UTF-8 byte order mark (Windows editors, .NET's Encoding.UTF8) is not part of the first line
            line = line[3..];
        }
        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }
        if (chars.Length < line.Length)
        {
            ArrayPool<char>.Shared.Return(chars);
            chars = ArrayPool<char>.Shared.Rent(line.Length);
        }
        var status = Utf8.ToUtf16(line, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status != System.Buffers.OperationStatus.Done)
        {
            throw new LogInputException($"{Path}:{LineNumber}:{written + 1}: invalid UTF-8 (byte 0x{line[read]:X2})");
        }
        var nul = chars.AsSpan(0, written).IndexOf('\0');
        if (nul >= 0)
        {
            throw new LogInputException($"{Path}:{LineNumber}:{nul + 1}: NUL byte in log line (binary file?)");
        }
        length = written;
    }

    public void Dispose()
    {
        stream.Dispose();
        ArrayPool<byte>.Shared.Return(bytes);
        ArrayPool<char>.Shared.Return(chars);
        bytes = [];
        chars = [];
    }
}
