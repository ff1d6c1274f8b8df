using System.Diagnostics;

namespace Medic.Probes.Tests.Support;

internal static class Shell
{
    /// <summary>Runs a program to set up a test (chgrp, mount); returns whether it succeeded.</summary>
    public static bool Run(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        try
        {
            using var process = Process.Start(info)!;
            process.WaitForExit(10_000);
            return process.HasExited && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
