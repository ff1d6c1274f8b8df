namespace Medic.Logs;

/// <summary>Streams lines from a file, '-' (stdin) or gzip (.gz or gzip magic, also on stdin); bad input becomes a LogInputException naming path:line.</summary>
public static class LogLineReader
{
    /// <summary>Longest accepted line, in bytes; a longer one is reported, never buffered whole.</summary>
    public const int MaxLineChars = 1 << 20;

    public static IEnumerable<string> ReadLines(string path, Stream? stdin = null)
    {
        var scanner = Open(path, stdin);
        return Read(scanner);
    }

    /// <summary>Opens a scanner for span-based reading without a string per line (the caller disposes it).</summary>
    public static LineScanner Open(string path, Stream? stdin = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "-")
        {
            var input = stdin ?? Console.OpenStandardInput();
            if (input is System.IO.Compression.GZipStream)
            {
                return new LineScanner(path, input, false); // already decompressed by the caller (logs.scan on a .gz)
            }

            // a pipe cannot seek: the first two bytes are read ahead to see the gzip magic, then replayed
            var head = new byte[2];
            int n;
            try
            {
                n = input.ReadAtLeast(head, 2, throwOnEndOfStream: false);
            }
            catch (IOException e)
            {
                throw new LogInputException($"{path}:1: read error: {e.Message}", e);
            }

            return new LineScanner(path, new PrefixedStream(head.AsMemory(0, n), input), n == 2 && head[0] == 0x1f && head[1] == 0x8b);
        }
        try
        {
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 0, FileOptions.SequentialScan);
            return new LineScanner(path, file, IsGzip(path, file));
        }
        catch (IOException e)
        {
            throw new LogInputException($"{path}: cannot open: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new LogInputException($"{path}: cannot open: {e.Message}", e);
        }
    }

    private static bool IsGzip(string path, FileStream file)
    {
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (!file.CanSeek)
        {
            return false;
        }
        Span<byte> magic = stackalloc byte[2];
        var n = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        return n == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    private static IEnumerable<string> Read(LineScanner scanner)
    {
        using (scanner)
        {
            while (scanner.Next())
            {
                yield return scanner.Current.ToString();
            }
        }
    }
}
