using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Win32.SafeHandles;

namespace Medic.Probes.Binary;

/// <summary>
/// Finds the SQLite build compiled into a file without running it. The amalgamation embeds its source id
/// ("YYYY-MM-DD hh:mm:ss" and the check-in hash, returned by <c>sqlite_source_id()</c>) and its version text
/// (<c>sqlite3_version[]</c>) near each other in read-only data, in a C library and in a Go binary with cgo or
/// modernc SQLite alike. The file is read in chunks; the version is the <c>3.x.y</c> text nearest the source id
/// whose minor version fits the source id's year (searched in the whole file when none is near).
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
                return Describe(handle, length, text, from, match, path, cancellationToken);
            }
        }

        return null;
    }

    private static SqliteBuild Describe(SafeFileHandle handle, long length, string text, long textOffset, Match sourceId, string path, CancellationToken cancellationToken)
    {
        var year = int.Parse(sourceId.Groups[1].Value.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var at = textOffset + sourceId.Index;
        var lo = Math.Max(0, sourceId.Index - Window);
        var hi = Math.Min(text.Length, sourceId.Index + sourceId.Length + Window);
        var best = Nearest(VersionPattern().Match(text, lo, hi - lo), textOffset, at, year)
            ?? NearestInFile(handle, length, at, year, cancellationToken);
        return new SqliteBuild(best?.Text, best?.Number, sourceId.Value, sourceId.Groups[1].Value, path);
    }

    /// <summary>The version text nearest to the source id whose minor version fits the source id's year.</summary>
    private static (string Text, long Number, long Distance)? Nearest(Match match, long textOffset, long at, int year)
    {
        (string Text, long Number, long Distance)? best = null;
        for (var m = match; m.Success; m = m.NextMatch())
        {
            var minor = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            if (!SqliteReleaseYears.Plausible(minor, year))
            {
                continue;
            }

            var distance = Math.Abs(textOffset + m.Index - at);
            if (best is null || distance < best.Value.Distance)
            {
                best = (m.Value, 3_000_000 + (minor * 1000L) + int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), distance);
            }
        }

        return best;
    }

    /// <summary>A second pass over the whole file, for linkers that put sqlite3_version[] far from the source id.</summary>
    private static (string Text, long Number, long Distance)? NearestInFile(SafeFileHandle handle, long length, long at, int year, CancellationToken cancellationToken)
    {
        (string Text, long Number, long Distance)? best = null;
        for (long start = 0; start < length; start += Chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = (int)Math.Min(Chunk + 16, length - start);
            var found = Nearest(VersionPattern().Match(Read(handle, start, count)), start, at, year);
            if (found is not null && (best is null || found.Value.Distance < best.Value.Distance))
            {
                best = found;
            }
        }

        return best;
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
