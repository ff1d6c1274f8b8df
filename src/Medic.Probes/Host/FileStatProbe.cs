using System.Text.Json.Nodes;
using Medic.Core.Model;
using Medic.Core.Probing;
using Medic.Probes.Os;

namespace Medic.Probes.Host;

/// <summary>
/// <c>file.stat</c>: for each path, whether it exists, who owns it, its mode, and whether a given user can read and
/// write it (or create it), judged from the permission bits, the user's groups and read-only mounts, never by trying.
/// A folder on the way that the user may not search is named in <c>blocked_by</c>, with its owner, group and mode.
/// </summary>
public sealed class FileStatProbe : IProbe
{
    public string Name => "file.stat";

    public string Description => "existence, owner, mode and read/write/execute access for a user of files and folders, read-only mounts included";

    public IReadOnlyList<string> Kinds { get; } = ["host", "sqlite"];

    public IReadOnlyList<ProbeParameter> Parameters { get; } =
    [
        new("paths", ParameterType.StringList, Description: "files and folders (default: the component's paths)"),
        new("user", ParameterType.String, Description: "user name or uid to judge access for (default: the component's user, else the current user)"),
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

        var users = UserDatabase.Load();
        var userName = context.GetString("user") ?? context.Component.GetString("user");
        var user = string.IsNullOrEmpty(userName) ? users.Current() : users.Find(userName);
        var mounts = MountTable.Read();
        var results = new JsonArray();
        var allWritable = user is null ? (bool?)null : true;
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entry = Describe(path, user, users, mounts);
            var ok = entry["exists"]?.GetValue<bool>() == true ? entry["writable"] : entry["creatable"];
            if (allWritable == true && ok?.GetValue<bool>() != true)
            {
                allWritable = false;
            }

            results.Add(entry);
        }

        return ProbeResult.Ok(new JsonObject
        {
            ["user"] = new JsonObject
            {
                ["name"] = user?.Name ?? userName,
                ["uid"] = user?.Uid,
                ["gid"] = user?.Gid,
                ["known"] = user is not null,
            },
            ["paths"] = results,
            ["all_writable"] = allWritable,
        });
    }

    private static JsonObject Describe(string path, UserAccount? user, UserDatabase users, MountTable mounts)
    {
        var link = Native.Stat(path, followLinks: false, out var errno);
        var entry = new JsonObject { ["path"] = path };
        if (link is null)
        {
            entry["exists"] = errno == Native.AccessDenied ? null : false;
            entry["error"] = errno == Native.AccessDenied ? "permission denied while looking it up" : null;
            var ancestor = NearestExistingAncestor(path);
            var ancestorStatus = ancestor is null ? null : Native.Stat(ancestor);
            var canonicalAncestor = ancestor is null ? null : Native.RealPath(ancestor) ?? ancestor;
            var readOnly = canonicalAncestor is null ? null : mounts.IsReadOnly(canonicalAncestor);
            entry["mount_read_only"] = readOnly;
            entry["nearest_existing"] = ancestor;
            entry["creatable"] = user is null || ancestorStatus is null || canonicalAncestor is null ? null
                : ancestorStatus.IsDirectory && readOnly != true
                  && AccessCheck.BlockingAncestor(canonicalAncestor, user) is null
                  && AccessCheck.CanWrite(ancestorStatus, user);
            return entry;
        }

        // For a symbolic link what matters is what it points at; a dangling link reads and writes nothing.
        var target = link.IsSymlink ? Native.Stat(path) : link;
        var canonical = Native.RealPath(path) ?? path;
        var mountReadOnly = mounts.IsReadOnly(canonical);
        var blockedBy = user is null ? null : AccessCheck.BlockingAncestor(canonical, user);
        entry["exists"] = true;
        entry["type"] = link.TypeName;
        entry["owner"] = target is null ? null : users.UserName(target.Uid);
        entry["group"] = target is null ? null : users.GroupName(target.Gid);
        entry["mode"] = target is null ? null : FormatMode(target.Permissions);
        entry["size_bytes"] = target?.Size;
        entry["readable"] = user is null ? null : target is not null && blockedBy is null && AccessCheck.CanRead(target, user);
        entry["writable"] = user is null ? null
            : target is not null && blockedBy is null && mountReadOnly != true && AccessCheck.CanWrite(target, user);
        entry["executable"] = user is null ? null : target is not null && blockedBy is null && AccessCheck.CanExecute(target, user);
        entry["mount_read_only"] = mountReadOnly;
        entry["blocked_by"] = blockedBy;
        if (blockedBy is not null && Native.Stat(blockedBy) is { } folder)
        {
            entry["blocked_by_owner"] = users.UserName(folder.Uid);
            entry["blocked_by_group"] = users.GroupName(folder.Gid);
            entry["blocked_by_mode"] = FormatMode(folder.Permissions);
        }

        entry["creatable"] = null;
        if (link.IsSymlink)
        {
            entry["target"] = canonical;
        }

        return entry;
    }

    private static string? NearestExistingAncestor(string path)
    {
        var parent = Path.GetDirectoryName(path);
        while (!string.IsNullOrEmpty(parent))
        {
            if (Native.Stat(parent) is not null)
            {
                return parent;
            }

            parent = Path.GetDirectoryName(parent);
        }

        return null;
    }

    internal static string FormatMode(uint permissions) => Convert.ToString(permissions, 8).PadLeft(4, '0');
}
