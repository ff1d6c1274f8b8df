using System.Globalization;

namespace Medic.Probes.Os;

/// <summary>Users and groups from /etc/passwd and /etc/group (the local files; directory services are not consulted).</summary>
internal sealed class UserDatabase
{
    private readonly Dictionary<string, (uint Uid, uint Gid)> _usersByName = new(StringComparer.Ordinal);
    private readonly Dictionary<uint, string> _userNames = [];
    private readonly Dictionary<uint, string> _groupNames = [];
    private readonly List<(uint Gid, string[] Members)> _groups = [];

    private UserDatabase()
    {
    }

    public static UserDatabase Load(string passwd = "/etc/passwd", string group = "/etc/group")
    {
        var db = new UserDatabase();
        foreach (var f in Records(passwd))
        {
            if (f.Length >= 4 && TryId(f[2], out var uid) && TryId(f[3], out var gid))
            {
                db._usersByName.TryAdd(f[0], (uid, gid));
                db._userNames.TryAdd(uid, f[0]);
            }
        }

        foreach (var f in Records(group))
        {
            if (f.Length >= 3 && TryId(f[2], out var gid))
            {
                db._groupNames.TryAdd(gid, f[0]);
                db._groups.Add((gid, f.Length > 3 ? f[3].Split(',', StringSplitOptions.RemoveEmptyEntries) : []));
            }
        }

        return db;
    }

    /// <summary>A user by name, or by a numeric uid (then known even without a passwd entry).</summary>
    public UserAccount? Find(string nameOrUid)
    {
        if (_usersByName.TryGetValue(nameOrUid, out var ids))
        {
            return Account(nameOrUid, ids.Uid, ids.Gid);
        }

        if (TryId(nameOrUid, out var uid))
        {
            var name = _userNames.GetValueOrDefault(uid);
            return name is not null && _usersByName.TryGetValue(name, out var byUid)
                ? Account(name, uid, byUid.Gid)
                : new UserAccount(nameOrUid, uid, null, new HashSet<uint>());
        }

        return null;
    }

    /// <summary>The user this process runs as: its effective ids and the groups the kernel gave it.</summary>
    public UserAccount? Current()
    {
        if (ProcFs.SelfCredentials() is not { } self)
        {
            return null;
        }

        var groups = new HashSet<uint>(self.Groups) { self.Gid };
        return new UserAccount(UserName(self.Uid), self.Uid, self.Gid, groups);
    }

    public string UserName(uint uid) => _userNames.GetValueOrDefault(uid) ?? uid.ToString(CultureInfo.InvariantCulture);

    public string GroupName(uint gid) => _groupNames.GetValueOrDefault(gid) ?? gid.ToString(CultureInfo.InvariantCulture);

    private UserAccount Account(string name, uint uid, uint gid)
    {
        var groups = new HashSet<uint> { gid };
        foreach (var (g, members) in _groups)
        {
            if (members.Contains(name, StringComparer.Ordinal))
            {
                groups.Add(g);
            }
        }

        return new UserAccount(name, uid, gid, groups);
    }

    private static IEnumerable<string[]> Records(string path) =>
        (ProcFs.TryReadAllLines(path) ?? [])
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(':'));

    private static bool TryId(string text, out uint id) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);
}
