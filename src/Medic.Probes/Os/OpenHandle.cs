namespace Medic.Probes.Os;

/// <summary>
/// One open descriptor of a process on a file: its number, the link text (the path, with " (deleted)" appended once
/// the file is unlinked) and what stat-ing the descriptor itself says about the file.
/// </summary>
internal sealed record OpenHandle(int Pid, int Fd, string Target, FileStatus File)
{
    private const string DeletedSuffix = " (deleted)";

    public bool Deleted => Target.EndsWith(DeletedSuffix, StringComparison.Ordinal);

    /// <summary>The path without the " (deleted)" marker.</summary>
    public string Path => Deleted ? Target[..^DeletedSuffix.Length] : Target;
}
