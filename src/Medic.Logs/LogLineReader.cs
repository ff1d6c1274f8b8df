using System.IO.Compression;
using System.Text;

namespace Medic.Logs;

/// <summary>Streams lines from a file, '-' (stdin) or .gz; bad input becomes a LogInputException naming the file.</summary>
public static class LogLineReader
{
    public const int MaxLineChars = 1 << 20;

    private const char InvalidMarker = '\uFFFF';

    public static IEnumerable<string> ReadLines(string path, Stream? stdin = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        Stream stream;
        try
        {
            stream = path == "-" ? stdin ?? Console.OpenStandardInput() : File.OpenRead(path);
        }
        catch (IOException e)
        {
            throw new LogInputException($"{path}: cannot open: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new LogInputException($"{path}: cannot open: {e.Message}", e);
        }
        return Read(path, stream);
    }

    private static IEnumerable<string> Read(string path, Stream stream)
    {
        var isGzip = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        using var source = isGzip ? new CountingStream(new GZipStream(stream, CompressionMode.Decompress)) : stream;
        var decoder = Encoding.GetEncoding("utf-8", EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(InvalidMarker.ToString()));
        using var reader = new StreamReader(source, decoder, false, 1 << 16);
        var lineNo = 0;

        var line = new StringBuilder();
        var buffer = new char[1 << 16];
        while (true)
        {
            int n;
            try
            {
                n = reader.Read(buffer, 0, buffer.Length);
            }
            catch (DecoderFallbackException e)
            {
                throw new LogInputException($"{path}:{lineNo + 1}: invalid UTF-8", e);
            }
            catch (InvalidDataException e)
            {
                throw new LogInputException($"{path}: corrupt gzip data: {e.Message}", e);
            }
            catch (EndOfStreamException e)
            {
                throw new LogInputException($"{path}: truncated gzip stream", e);
            }
            if (n == 0)
            {
                break;
            }

            for (var i = 0; i < n; i++)
            {
                var c = buffer[i];
                if (c == '\n')
                {
                    lineNo++;
                    yield return Finish(line);
                    continue;
                }
                if (c == InvalidMarker)
                {
                    throw new LogInputException($"{path}:{lineNo + 1}:{line.Length + 1}: invalid UTF-8");
                }
                if (c == '\0')
                {
                    throw new LogInputException($"{path}:{lineNo + 1}: NUL byte in log line (binary file?)");
                }

                if (line.Length >= MaxLineChars)
                {
                    throw new LogInputException($"{path}:{lineNo + 1}: line longer than {MaxLineChars} characters");
                }

                line.Append(c);
            }
        }
        if (isGzip && path != "-")
        {
            GzipTrailer.CheckComplete(path, ((CountingStream)source).BytesRead);
        }
        if (line.Length > 0)
        {
            yield return Finish(line);
        }
    }

    private static string Finish(StringBuilder line)
    {
        if (line.Length > 0 && line[^1] == '\r')
        {
            line.Length--;
        }

        var s = line.ToString();
        line.Clear();
        return s;
    }
}
