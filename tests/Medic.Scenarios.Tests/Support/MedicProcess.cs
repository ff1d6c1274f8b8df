using System.Diagnostics;

namespace Medic.Scenarios.Tests.Support;

/// <summary>
/// Runs the built medic as a child process, optionally inside a fresh network namespace (<c>unshare --net</c>: only a
/// loopback interface that is down, so no address is routed). For faults an in-process run cannot enter.
/// </summary>
internal static class MedicProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <summary>Whether this machine lets the tests make a network namespace (root with util-linux's unshare).</summary>
    public static bool CanUnshareNetwork { get; } = File.Exists("/usr/bin/unshare") && Environment.UserName == "root";

    public static Task<MedicRun> RunAsync(IReadOnlyDictionary<string, string> env, params string[] args) =>
        StartAsync(env, unshareNetwork: false, args);

    public static Task<MedicRun> RunWithoutNetworkAsync(IReadOnlyDictionary<string, string> env, params string[] args) =>
        StartAsync(env, unshareNetwork: true, args);

    private static async Task<MedicRun> StartAsync(IReadOnlyDictionary<string, string> env, bool unshareNetwork, string[] args)
    {
        var medic = Path.Combine(AppContext.BaseDirectory, "medic.dll");
        var info = new ProcessStartInfo(unshareNetwork ? "/usr/bin/unshare" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = MedicRun.Root,
        };
        foreach (var a in (unshareNetwork ? ["--net", "--", "dotnet", medic] : new[] { medic }).Concat(args))
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (name, value) in env)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start medic");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"medic {string.Join(' ', args)} did not end within {Limit}");
        }

        return new MedicRun(process.ExitCode, await stdout, await stderr);
    }
}
