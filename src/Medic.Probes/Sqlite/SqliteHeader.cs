using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Medic.Probes.Sqlite;

/// <summary>
/// The 100-byte header at the start of every SQLite database file (https://sqlite.org/fileformat.html#the_database_header).
/// Read straight from the file, it tells what can be known even while another process holds an exclusive lock.
/// </summary>
internal sealed record SqliteHeader(
    int PageSize,
    long PageCount,
    long FreelistPages,
    int FileFormatWrite,
    int FileFormatRead,
    int SchemaFormat,
    string? TextEncoding,
    int UserVersion,
    int ApplicationId,
    string? WrittenByVersion,
    int? WrittenByVersionNumber)
{
    public const int Length = 100;

    private static readonly byte[] Magic = "SQLite format 3\0"u8.ToArray();

    /// <summary>Format 2 in both version bytes marks a database in WAL mode.</summary>
    public bool IsWal => FileFormatWrite == 2 || FileFormatRead == 2;

    public static bool HasMagic(ReadOnlySpan<byte> bytes) => bytes.Length >= Magic.Length && bytes[..Magic.Length].SequenceEqual(Magic);

    /// <summary>The header, or null when the bytes are not the start of a SQLite database.</summary>
    public static SqliteHeader? Parse(ReadOnlySpan<byte> bytes, long fileSize)
    {
        if (bytes.Length < Length || !HasMagic(bytes))
        {
            return null;
        }

        var rawPageSize = BinaryPrimitives.ReadUInt16BigEndian(bytes[16..]);
        var pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
        if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        {
            return null;
        }

        var changeCounter = BinaryPrimitives.ReadUInt32BigEndian(bytes[24..]);
        var inHeaderPages = BinaryPrimitives.ReadUInt32BigEndian(bytes[28..]);
        var validFor = BinaryPrimitives.ReadUInt32BigEndian(bytes[92..]);
        var writtenBy = BinaryPrimitives.ReadInt32BigEndian(bytes[96..]);

        // The in-header size is trusted only when written by a version that maintains it (3.7.0+), which it
        // marks by matching the change counter; otherwise the file size decides, as SQLite itself does.
        var pageCount = inHeaderPages != 0 && changeCounter == validFor ? inHeaderPages : fileSize / pageSize;

        return new SqliteHeader(
            pageSize,
            pageCount,
            BinaryPrimitives.ReadUInt32BigEndian(bytes[36..]),
            bytes[18],
            bytes[19],
            BinaryPrimitives.ReadInt32BigEndian(bytes[44..]),
            BinaryPrimitives.ReadUInt32BigEndian(bytes[56..]) switch
            {
                1 => "utf-8",
                2 => "utf-16le",
                3 => "utf-16be",
                _ => null,
            },
            BinaryPrimitives.ReadInt32BigEndian(bytes[60..]),
            BinaryPrimitives.ReadInt32BigEndian(bytes[68..]),
            writtenBy > 0 ? FormatVersion(writtenBy) : null,
            writtenBy > 0 ? writtenBy : null);
    }

    /// <summary>3031001 → "3.31.1".</summary>
    public static string FormatVersion(int number) => string.Create(
        CultureInfo.InvariantCulture, $"{number / 1_000_000}.{number / 1000 % 1000}.{number % 1000}");

    public JsonObject ToJson() => new()
    {
        ["page_size"] = PageSize,
        ["page_count"] = PageCount,
        ["freelist_pages"] = FreelistPages,
        ["file_format_write"] = FileFormatWrite,
        ["file_format_read"] = FileFormatRead,
        ["schema_format"] = SchemaFormat,
        ["text_encoding"] = TextEncoding,
        ["user_version"] = UserVersion,
        ["application_id"] = ApplicationId,
        ["written_by_version"] = WrittenByVersion,
        ["written_by_version_number"] = WrittenByVersionNumber,
    };
}
