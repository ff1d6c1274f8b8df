namespace Medic.Logs;

/// <summary>
/// GZipStream ends silently on a truncated file; compare the decompressed size with the trailer's ISIZE.
/// A file with several members (concatenated .gz) is accepted when another member header follows the first.
/// </summary>
internal static class GzipTrailer
{
    public static void CheckComplete(string path, long decompressedBytes)
    {
        using var file = File.OpenRead(path);
        if (file.Length < 18)
        {
            throw new LogInputException($"{path}: truncated gzip stream ({file.Length} bytes)");
        }
        Span<byte> trailer = stackalloc byte[4];
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(trailer);
        var isize = BitConverter.ToUInt32(trailer);
        if (isize == (uint)decompressedBytes || HasSecondMember(file))
        {
            return;
        }
        throw new LogInputException($"{path}: truncated gzip stream (decompressed {decompressedBytes} bytes, trailer says {isize})");
    }

    private static bool HasSecondMember(FileStream file)
    {
        file.Seek(10, SeekOrigin.Begin);
        var buffer = new byte[1 << 16];
        var previous = new byte[2];
        int n;
        while ((n = file.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < n; i++)
            {
                if (buffer[i] == 0x08 && previous[0] == 0x1f && previous[1] == 0x8b)
                {
                    return true;
                }
                previous[0] = previous[1];
                previous[1] = buffer[i];
            }
        }
        return false;
    }
}
