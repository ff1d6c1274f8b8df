using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Os;

namespace Medic.Probes.Sqlite;

/// <summary>
/// What the file system says about a database before SQLite opens it: size, the header read directly, and the files
/// beside it. The header is read with a plain shared read, so a locked or damaged database still tells its story.
/// </summary>
internal sealed record SqliteDatabaseFile(string Path, long SizeBytes, SqliteHeader? Header, SidecarFile Wal, SidecarFile Shm, SidecarFile Journal)
{
    /// <summary>
    /// Closing any descriptor of a file drops every POSIX lock this process holds on it, including the locks of SQLite
    /// connections other probes have open on the same database. One gate keeps our own descriptors from overlapping.
    /// </summary>
    public static SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Facts about the file, or a failed result (not_found, permission_denied, corrupt) carrying what was learnt.</summary>
    public static (SqliteDatabaseFile? File, ProbeResult? Failure) Inspect(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            if (Directory.Exists(path))
            {
                return (null, ProbeResult.Fail(ErrorKinds.Corrupt, $"{path} is a directory, not a database file",
                    new JsonObject { ["path"] = path, ["exists"] = true }));
            }

            return (null, NotFound(path));
        }

        var bytes = new byte[SqliteHeader.Length];
        var read = 0;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            while (read < bytes.Length && stream.Read(bytes, read, bytes.Length - read) is var n and > 0)
            {
                read += n;
            }
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, NotFound(path));
        }
        catch (UnauthorizedAccessException e)
        {
            return (null, ProbeResult.Fail(ErrorKinds.PermissionDenied, $"cannot read {path}: {e.Message}",
                new JsonObject { ["path"] = path, ["exists"] = true, ["size_bytes"] = info.Length }));
        }

        // SQLite resolves symbolic links and keeps its -wal, -shm and -journal beside the real file.
        var real = Native.RealPath(path) ?? path;
        var file = new SqliteDatabaseFile(path, info.Length, SqliteHeader.Parse(bytes.AsSpan(0, read), info.Length),
            SidecarFile.Of(real, "-wal"), SidecarFile.Of(real, "-shm"), SidecarFile.Of(real, "-journal"));

        // SQLite treats an empty file as an empty database; anything else must carry a valid header.
        if (read > 0 && file.Header is null)
        {
            var why = SqliteHeader.HasMagic(bytes.AsSpan(0, read)) ? "its header is damaged" : "it does not start with the SQLite header";
            return (file, ProbeResult.Fail(ErrorKinds.Corrupt, $"file is not a database: {path} ({why})", file.ToJson()));
        }

        return (file, null);
    }

    public JsonObject ToJson() => new()
    {
        ["path"] = Path,
        ["exists"] = true,
        ["size_bytes"] = SizeBytes,
        ["header"] = Header?.ToJson(),
        ["wal"] = Wal.ToJson(),
        ["shm"] = Shm.ToJson(),
        ["journal"] = Journal.ToJson(),
    };

    private static ProbeResult NotFound(string path) =>
        ProbeResult.Fail(ErrorKinds.NotFound, $"no such file: {path}", new JsonObject { ["path"] = path, ["exists"] = false });
}
