using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Os;

namespace Medic.Probes.Sqlite;

/// <summary>
/// <c>sqlite.locks</c>: which processes hold SQLite's locks on a database, and which have it open, read from
/// /proc/locks and /proc/PID/fd. It takes no lock itself, so it cannot disturb (or be blocked by) the holders.
/// </summary>
public sealed class SqliteLocksProbe : IProbe
{
    public string Name => "sqlite.locks";

    public string Description => "processes holding SQLite locks on the file (reserved, pending, exclusive, WAL write) and processes that have it open";

    public IReadOnlyList<string> Kinds { get; } = ["sqlite"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } = [];

    public Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.Run(() => Run(context, cancellationToken), cancellationToken);
    }

    private static ProbeResult Run(ProbeContext context, CancellationToken cancellationToken)
    {
        if (SqliteFileReader.PathOf(context, out var invalid) is not { } path)
        {
            return invalid!;
        }

        if (Native.Stat(path, followLinks: true, out var errno) is not { } db)
        {
            return errno == Native.AccessDenied
                ? ProbeResult.Fail(ErrorKinds.PermissionDenied, $"cannot stat {path}", new JsonObject { ["path"] = path, ["exists"] = null })
                : ProbeResult.Fail(ErrorKinds.NotFound, $"no such file: {path}", new JsonObject { ["path"] = path, ["exists"] = false });
        }

        // SQLite resolves symbolic links and keeps its -wal, -shm and -journal beside the real file.
        var real = Native.RealPath(path) ?? path;
        var files = new Dictionary<FileId, string> { [db.Id] = "db" };
        foreach (var (suffix, role) in new[] { ("-wal", "wal"), ("-shm", "shm"), ("-journal", "journal") })
        {
            if (Native.Stat(real + suffix) is { } sidecar)
            {
                files.TryAdd(sidecar.Id, role);
            }
        }

        var locks = ProcLocks.Read();
        var visible = locks is not null && ProcFs.Visible;
        var names = new Dictionary<int, string?>();
        string? NameOf(int pid) => names.TryGetValue(pid, out var n) ? n : names[pid] = ProcFs.ProcessName(pid);

        var holders = Holders(locks ?? [], files).ToList();
        cancellationToken.ThrowIfCancellationRequested();
        var openBy = visible ? OpenFiles.ProcessesWithOpen(files.Keys.ToHashSet(), cancellationToken) : [];
        var writer = holders.FirstOrDefault(h => SqliteLockBytes.WriterLocks.Contains(h.Lock));

        return ProbeResult.Ok(new JsonObject
        {
            ["path"] = path,
            ["write_locked"] = writer is not null,
            ["writer_pid"] = writer?.Pid,
            ["holders"] = new JsonArray([.. holders.Select(h => (JsonNode)new JsonObject
            {
                ["pid"] = h.Pid,
                ["process"] = h.Pid is { } pid ? NameOf(pid) : null,
                ["lock"] = h.Lock,
                ["file"] = h.File,
            })]),
            ["open_by"] = new JsonArray([.. openBy.Order().Select(pid => (JsonNode)new JsonObject
            {
                ["pid"] = pid,
                ["process"] = NameOf(pid),
            })]),
            ["visible"] = visible,
        });
    }

    /// <summary>
    /// One entry per process, file and lock name, strongest first. Locks held by this process are left out: they are
    /// only ever our own probes' momentary read locks.
    /// </summary>
    private static IEnumerable<Holder> Holders(IReadOnlyList<ByteRangeLock> locks, Dictionary<FileId, string> files) =>
        locks
            .Where(l => files.ContainsKey(l.File) && l.Pid != ProcFs.CurrentPid)
            .SelectMany(l =>
            {
                var file = files[l.File];
                var lockNames = file switch
                {
                    "db" => SqliteLockBytes.OnDatabase(l),
                    "shm" => SqliteLockBytes.OnSharedMemory(l),
                    _ => [],
                };
                return lockNames.Select(name => new Holder(l.Pid, name, file));
            })
            .Distinct()
            .OrderBy(h => SqliteLockBytes.Rank(h.Lock))
            .ThenBy(h => h.Pid ?? int.MaxValue);

    private sealed record Holder(int? Pid, string Lock, string File);
}
