using Medic.Probes.Os;

namespace Medic.Probes.Host;

/// <summary>
/// Decides access for a user from owner, group and mode bits the way the kernel does without ACLs: owner bits if
/// the user owns the file, else group bits if it is in the file's group, else the other bits. Root passes every
/// read and write check and needs one execute bit somewhere to execute a file.
/// </summary>
internal static class AccessCheck
{
    public const uint Read = 4;
    public const uint Write = 2;
    public const uint Execute = 1;

    public static bool Allows(FileStatus file, UserAccount user, uint wanted)
    {
        if (user.IsRoot)
        {
            return (wanted & Execute) == 0 || file.IsDirectory || (file.Permissions & 0b001_001_001) != 0;
        }

        var bits = user.Uid == file.Uid ? (file.Permissions >> 6) & 7
            : user.Groups.Contains(file.Gid) ? (file.Permissions >> 3) & 7
            : file.Permissions & 7;
        return (bits & wanted) == wanted;
    }

    /// <summary>Reading a folder means listing and entering it; writing one means creating entries in it.</summary>
    public static bool CanRead(FileStatus file, UserAccount user) =>
        Allows(file, user, file.IsDirectory ? Read | Execute : Read);

    public static bool CanWrite(FileStatus file, UserAccount user) =>
        !file.IsImmutable && Allows(file, user, file.IsDirectory ? Write | Execute : Write);

    /// <summary>Executing means a regular file with an execute bit the user has (root: any execute bit).</summary>
    public static bool CanExecute(FileStatus file, UserAccount user) =>
        !file.IsDirectory && Allows(file, user, Execute);

    /// <summary>
    /// The first folder on the way to <paramref name="canonicalPath"/> that the user may not enter, or null when
    /// every one may be searched. A path is no use to a user who cannot reach it, whatever its own mode says.
    /// </summary>
    public static string? BlockingAncestor(string canonicalPath, UserAccount user)
    {
        if (user.IsRoot)
        {
            return null;
        }

        var parent = Path.GetDirectoryName(canonicalPath);
        var chain = new Stack<string>();
        while (!string.IsNullOrEmpty(parent))
        {
            chain.Push(parent);
            parent = Path.GetDirectoryName(parent);
        }

        foreach (var folder in chain)
        {
            if (Native.Stat(folder) is { } status && !Allows(status, user, Execute))
            {
                return folder;
            }
        }

        return null;
    }
}
