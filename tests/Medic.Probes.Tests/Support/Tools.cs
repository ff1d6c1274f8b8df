namespace Medic.Probes.Tests.Support;

/// <summary>Debian programs the tests drive (test.sh installs them).</summary>
internal static class Tools
{
    public static string Sqlite3 => Find("sqlite3");

    /// <summary>Debian's python3 when present, so the process is the interpreter itself rather than a shim.</summary>
    public static string Python3 => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : Find("python3");

    public static bool IsRoot => Medic.Probes.Os.ProcFs.SelfCredentials()?.Uid == 0;

    private static string Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':')
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"'{name}' is not installed; test.sh installs it (apt-get install -y {name})");
}
