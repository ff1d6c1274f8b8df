using System.Buffers.Binary;
using System.Text;

namespace Medic.Probes.Binary;

/// <summary>
/// The library names and paths in <c>/etc/ld.so.cache</c> (glibc's "glibc-ld.so.cache1.1" format, alone or after the
/// old "ld.so-1.7.0" table), in file order, which is the order the loader prefers.
/// </summary>
public sealed class LdCache
{
    private const string NewMagic = "glibc-ld.so.cache1.1";
    private const string OldMagic = "ld.so-1.7.0";
    private const int NewHeaderSize = 48;
    private const int NewEntrySize = 24;
    private const int OldEntrySize = 12;

    private readonly Dictionary<string, List<string>> _paths;

    private LdCache(Dictionary<string, List<string>> paths) => _paths = paths;

    public static LdCache Empty { get; } = new([]);

    public int Count => _paths.Values.Sum(p => p.Count);

    /// <summary>Candidate paths for a library name, best first (empty when the cache does not list it).</summary>
    public IReadOnlyList<string> Find(string name) => _paths.TryGetValue(name, out var list) ? list : [];

    /// <summary>Reads the cache file; null when it does not exist, <see cref="ElfFormatException"/> when it is not a cache.</summary>
    public static LdCache? Load(string path = "/etc/ld.so.cache")
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return null;
            }

            if (info.Length > 64 * 1024 * 1024)
            {
                throw new ElfFormatException($"{path} is {info.Length} bytes, too large for a loader cache");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return Parse(bytes, path);
    }

    public static LdCache Parse(byte[] bytes, string path)
    {
        var start = FindNewFormat(bytes)
            ?? throw new ElfFormatException($"{path} is not a glibc loader cache (no {NewMagic} header)");
        var span = bytes.AsSpan(start);
        if (span.Length < NewHeaderSize)
        {
            throw new ElfFormatException($"{path} ends inside its header");
        }

        var count = BinaryPrimitives.ReadUInt32LittleEndian(span[20..]);
        if ((ulong)count * NewEntrySize > (ulong)(span.Length - NewHeaderSize))
        {
            throw new ElfFormatException($"{path} claims {count} entries but is only {bytes.Length} bytes");
        }

        var paths = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < (int)count; i++)
        {
            var entry = span.Slice(NewHeaderSize + (i * NewEntrySize), NewEntrySize);
            var key = Text(span, BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]));
            var value = Text(span, BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]));
            if (key is null || value is null)
            {
                continue;
            }

            if (!paths.TryGetValue(key, out var list))
            {
                paths[key] = list = [];
            }

            if (!list.Contains(value, StringComparer.Ordinal))
            {
                list.Add(value);
            }
        }

        return new LdCache(paths);
    }

    /// <summary>Where the new-format table starts: at 0, or after the old table (aligned to 8 bytes).</summary>
    private static int? FindNewFormat(byte[] bytes)
    {
        if (StartsWith(bytes, 0, NewMagic))
        {
            return 0;
        }

        if (!StartsWith(bytes, 0, OldMagic) || bytes.Length < 16)
        {
            return null;
        }

        var oldCount = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12));
        var after = 16 + ((long)oldCount * OldEntrySize);
        var aligned = (after + 7) & ~7L;
        return aligned < bytes.Length && StartsWith(bytes, (int)aligned, NewMagic) ? (int)aligned : null;
    }

    private static bool StartsWith(byte[] bytes, int at, string magic) =>
        bytes.Length >= at + magic.Length && bytes.AsSpan(at, magic.Length).SequenceEqual(Encoding.ASCII.GetBytes(magic));

    private static string? Text(ReadOnlySpan<byte> data, uint offset)
    {
        if (offset >= data.Length)
        {
            return null;
        }

        var rest = data[(int)offset..];
        var end = rest.IndexOf((byte)0);
        return end <= 0 ? null : Encoding.UTF8.GetString(rest[..end]);
    }
}
