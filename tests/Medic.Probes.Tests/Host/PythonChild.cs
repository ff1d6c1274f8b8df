using Medic.Probes.Tests.Support;

namespace Medic.Probes.Tests.Host;

/// <summary>
/// A real python3 process running a small script that sets itself up (opens files, lowers its fd limit, renames
/// itself), prints "ready" and then waits until it is killed.
/// </summary>
internal static class PythonChild
{
    /// <summary>Renames the process (its comm, as ps and /proc show it) to <paramref name="name"/>, at most 15 characters.</summary>
    public static string Rename(string name) => $"open('/proc/self/comm', 'w').write('{name}')\n";

    public static async Task<ChildProcess> StartAsync(string setup, params string[] arguments)
    {
        var script = "import os, sys, time, resource\n" + setup + "\nprint('ready', flush=True)\nsys.stdin.read()\n";
        var child = ChildProcess.Start(Tools.Python3, ["-c", script, .. arguments]);
        try
        {
            await child.WaitForLineAsync("ready");
            return child;
        }
        catch
        {
            child.Dispose();
            throw;
        }
    }

    /// <summary>A process name no other process on the machine has, within comm's 15 characters.</summary>
    public static string UniqueName(string prefix) => $"{prefix}{Random.Shared.Next(10_000, 99_999)}";
}
