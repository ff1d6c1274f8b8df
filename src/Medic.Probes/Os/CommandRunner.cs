using System.Diagnostics;
using System.Text;

namespace Medic.Probes.Os;

/// <summary>
/// Runs a read-only system command (systemctl, journalctl) without a shell, bounded by a timeout and a token: on
/// either it kills the command's whole process tree. Output beyond a cap is dropped, so a chatty command cannot
/// exhaust memory.
/// </summary>
internal static class CommandRunner
{
    private const int MaxOutputChars = 1024 * 1024;
    private static readonly string[] SearchPath = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    /// <summary>The full path of an executable named <paramref name="name"/> on PATH (or in the usual folders), or null.</summary>
    public static string? Find(string name, string? path = null)
    {
        var folders = (path ?? Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(SearchPath);
        return folders.Select(f => System.IO.Path.Combine(f, name)).FirstOrDefault(File.Exists);
    }

    /// <exception cref="OperationCanceledException">The token was cancelled (the command has been killed).</exception>
    public static async Task<CommandResult> RunAsync(string file, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        // Plain, untranslated, unpaged output that parsers can rely on.
        info.Environment["LC_ALL"] = "C";
        info.Environment["SYSTEMD_PAGER"] = "";
        info.Environment["PAGER"] = "cat";
        info.Environment["SYSTEMD_COLORS"] = "0";

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        process.StandardInput.Close();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var output = ReadCappedAsync(process.StandardOutput, deadline.Token);
        var errors = ReadCappedAsync(process.StandardError, deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            return new CommandResult(process.ExitCode, await output.ConfigureAwait(false), await errors.ConfigureAwait(false), TimedOut: false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            return new CommandResult(null, "", "", TimedOut: true);
        }
    }

    private static async Task<string> ReadCappedAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
        {
            // Keep draining past the cap so the command never blocks on a full pipe.
            if (text.Length < MaxOutputChars)
            {
                text.Append(buffer, 0, Math.Min(read, MaxOutputChars - text.Length));
            }
        }

        return text.ToString();
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(2000);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // It ended on its own meanwhile.
        }
    }
}
