using System.Text;

namespace Medic.Bundles.Collect;

/// <summary>Reads a whole small file, or the last lines of a log within a byte budget, without loading the rest.</summary>
public static class FileTail
{
    public static string Read(string path, long maxBytes, int maxLines = int.MaxValue)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var start = Math.Max(0, stream.Length - maxBytes);
        stream.Seek(start, SeekOrigin.Begin);
        var buffer = new byte[stream.Length - start];
        stream.ReadExactly(buffer);
        var offset = 0;
        if (start > 0)
        {
            // Drop the partial first line (and so any cut UTF-8 sequence).
            var newline = Array.IndexOf(buffer, (byte)'\n');
            offset = newline < 0 ? buffer.Length : newline + 1;
        }

        if (maxLines < int.MaxValue)
        {
            var seen = 0;
            var end = buffer.Length - (buffer.Length > offset && buffer[^1] == (byte)'\n' ? 1 : 0);
            for (var i = end - 1; i >= offset; i--)
            {
                if (buffer[i] == (byte)'\n' && ++seen == maxLines)
                {
                    offset = i + 1;
                    break;
                }
            }
        }

        return Encoding.UTF8.GetString(buffer, offset, buffer.Length - offset);
    }
}
