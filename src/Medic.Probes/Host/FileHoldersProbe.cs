using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Os;

namespace Medic.Probes.Host;

/// <summary>
/// <c>file.holders</c>: which processes hold a file open (matched by device and inode, so renamed and deleted files
/// count), or any file under a folder (like <c>lsof +D</c>), with the descriptor and whether it was opened for writing.
/// </summary>
public sealed class FileHoldersProbe : IProbe
{
    private const int MaxHoldersPerPath = 100;

    public string Name => "file.holders";

    public string Description => "which processes hold files open (or any file under a folder): PID, process, user, descriptor and read/write mode";

    public IReadOnlyList<string> Kinds { get; } = ["host"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("paths", ParameterType.StringList, Description: "files or folders (default: the component's paths)"),
    ];

    public Task<ProbeResult> RunAsync(ProbeContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.Run(() => Run(context, cancellationToken), cancellationToken);
    }

    private static ProbeResult Run(ProbeContext context, CancellationToken cancellationToken)
    {
        var paths = context.GetPaths("paths");
        if (paths.Count == 0)
        {
            return ProbeResult.Fail(ErrorKinds.InvalidArgument, "no paths to look at: give 'paths' in the check or the component");
        }

        if (!ProcFs.Visible)
        {
            return ProbeResult.Fail(ErrorKinds.Unsupported, "/proc is not readable here: no way to see open files");
        }

        var targets = paths.Select(Target.Of).ToList();
        var found = targets.ToDictionary(t => t, _ => new List<OpenHandle>());
        var live = targets.Where(t => t.Status is not null).ToList();
        if (live.Count > 0)
        {
            foreach (var handle in OpenFiles.Handles(_ => true, cancellationToken))
            {
                foreach (var target in live.Where(t => t.Holds(handle)))
                {
                    found[target].Add(handle);
                }
            }
        }

        var users = UserDatabase.Load();
        var names = new Dictionary<int, (string? Name, string? User)>();
        (string? Name, string? User) Who(int pid)
        {
            if (!names.TryGetValue(pid, out var who))
            {
                names[pid] = who = (ProcFs.ProcessName(pid), ProcessReader.EffectiveUid(pid) is { } uid ? users.UserName(uid) : null);
            }

            return who;
        }

        var results = targets.Select(t => (JsonNode)Describe(t, found[t], Who)).ToList();
        return ProbeResult.Ok(new JsonObject
        {
            ["paths"] = new JsonArray([.. results]),
            ["holder_count"] = found.Values.SelectMany(h => h).Select(h => h.Pid).Distinct().Count(),
        });
    }

    private static JsonObject Describe(Target target, List<OpenHandle> handles, Func<int, (string? Name, string? User)> who)
    {
        var holders = handles.Take(MaxHoldersPerPath).Select(h =>
        {
            var (name, user) = who(h.Pid);
            return (JsonNode)new JsonObject
            {
                ["pid"] = h.Pid,
                ["process"] = name,
                ["user"] = user,
                ["fd"] = h.Fd,
                ["mode"] = OpenFiles.AccessMode(h.Pid, h.Fd),
                ["file"] = h.Path,
                ["deleted"] = h.Deleted,
            };
        }).ToList();
        return new JsonObject
        {
            ["path"] = target.Path,
            ["exists"] = target.Status is not null,
            ["type"] = target.Status?.TypeName,
            ["held"] = handles.Count > 0,
            ["pids"] = new JsonArray([.. handles.Select(h => h.Pid).Distinct().Select(p => (JsonNode)p)]),
            ["writers"] = new JsonArray([.. holders.Where(h => h!["mode"]?.GetValue<string>() is "write" or "read_write").Select(h => h!["pid"]!.GetValue<int>()).Distinct().Select(p => (JsonNode)p)]),
            ["holders"] = new JsonArray([.. holders]),
            ["truncated"] = handles.Count > MaxHoldersPerPath,
        };
    }

    /// <summary>A path to look for: a file matches by identity, a folder also by every path below it.</summary>
    private sealed record Target(string Path, string Canonical, FileStatus? Status)
    {
        public static Target Of(string path) => new(path, Native.RealPath(path) ?? path, Native.Stat(path));

        public bool Holds(OpenHandle handle) =>
            handle.File.Id == Status!.Id
            || (Status.IsDirectory && handle.Path.StartsWith(Canonical == "/" ? "/" : Canonical + "/", StringComparison.Ordinal));
    }
}
