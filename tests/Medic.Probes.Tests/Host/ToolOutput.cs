using System.Diagnostics;
using Shouldly;

namespace Medic.Probes.Tests.Host;

/// <summary>Runs a standard tool (df, stat, getconf, free) to learn what the probe under test should find.</summary>
internal static class ToolOutput
{
    public static async Task<string> ReadAsync(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync(Xunit.TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(Xunit.TestContext.Current.CancellationToken);
        process.ExitCode.ShouldBe(0, $"{file} failed: {await process.StandardError.ReadToEndAsync()}");
        return output.Trim();
    }
}
