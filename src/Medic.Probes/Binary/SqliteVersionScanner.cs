using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Win32.SafeHandles;

namespace Medic.Probes.Binary;

/// <summary>
/// Finds the SQLite build compiled into a file without running it. The amalgamation embeds its source id
/// ("YYYY-MM-DD hh:mm:ss" and the check-in hash, returned by <c>sqlite_source_id()</c>) and its version text
/// (<c>sqlite3_version[]</c>) near each other in read-only data, in a C library and in a Go binary with cgo or
/// modernc SQLite alike. The file is read in chunks; the version is the <c>3.x.y</c> text nearest the source id.
/// </summary>
public static partial class SqliteVersionScanner
{
    private const int Chunk = 1 << 20;

    /// <summary>How far from the source id the version text may sit.</summary>
    public const int Window = 64 * 1024;

    /// <summary>Files past this size are read only up to it.</summary>
    public const long MaxBytes = 1L << 30;

    [GeneratedRegex(@"(20[0-9]{2}-[01][0-9]-[0-3][0-9]) [0-2][0-9]:[0-5][0-9]:[0-5][0-9] [0-9a-f]{40,64}(?:alt[0-9]|[0-9a-f]{0,8})", RegexOptions.CultureInvariant)]
    private static partial Regex SourceIdPattern();

    [GeneratedRegex(@"(?<![0-9.])3\.([0-9]{1,2})\.([0-9]{1,2})(?![0-9]|\.[0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    /// <summary>The SQLite build in <paramref name="path"/>, or null when the file holds no SQLite source id.</summary>
    public static SqliteBuild? Scan(string path, CancellationToken cancellationToken = default)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = Math.Min(RandomAccess.GetLength(handle), MaxBytes);
        var overlap = Window + 256;
        for (long start = 0; start < length; start += Chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var from = Math.Max(0, start - overlap);
            var to = Math.Min(length, start + Chunk + overlap);
            var text = Read(handle, from, (int)(to - from));
            var match = SourceIdPattern().Match(text);
            // A source id in the overlaps belongs to the neighbouring chunk, where its whole window is read.
            while (match.Success && from + match.Index < start)
            {
                match = match.NextMatch();
            }

            if (match.Success && from + match.Index < start + Chunk)
            {
                return Describe(text, match, path);
            }
        }

        return null;
    }

    private static SqliteBuild Describe(string text, Match sourceId, string path)
    {
        var lo = Math.Max(0, sourceId.Index - Window);
        var hi = Math.Min(text.Length, sourceId.Index + sourceId.Length + Window);
        Match? best = null;
        var bestDistance = int.MaxValue;
        for (var m = VersionPattern().Match(text, lo, hi - lo); m.Success; m = m.NextMatch())
        {
            var distance = m.Index < sourceId.Index ? sourceId.Index - m.Index : m.Index - sourceId.Index;
            if (distance < bestDistance)
            {
                (best, bestDistance) = (m, distance);
            }
        }

        var version = best?.Value;
        long? number = best is null ? null
            : 3_000_000 + (long.Parse(best.Groups[1].Value, CultureInfo.InvariantCulture) * 1000) + long.Parse(best.Groups[2].Value, CultureInfo.InvariantCulture);
        return new SqliteBuild(version, number, sourceId.Value, sourceId.Groups[1].Value, path);
    }

    private static string Read(SafeFileHandle handle, long offset, int count)
    {
        var buffer = new byte[count];
        var done = 0;
        while (done < count)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(done), offset + done);
            if (read == 0)
            {
                break;
            }

            done += read;
        }

        return Encoding.Latin1.GetString(buffer, 0, done);
    }
}
