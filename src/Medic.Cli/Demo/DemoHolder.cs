using System.Diagnostics;
using Medic.Cli.Commands;

namespace Medic.Cli.Demo;

/// <summary>
/// A second process for the demo: it holds a SQLite write lock and listens on a port, as a stray process would.
/// It runs <c>medic __demo-holder</c> and lives until its standard input closes or it is killed.
/// </summary>
internal sealed class DemoHolder : IDisposable
{
    private readonly Process _process;

    private DemoHolder(Process process) => _process = process;

    public int Pid => _process.Id;

    public static async Task<DemoHolder> StartAsync(string database, int port, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Run the medic executable beside this assembly (also right under a test host); fall back to 'dotnet medic.dll'.
        var assembly = typeof(DemoHolder).Assembly.Location;
        var apphost = Path.Combine(Path.GetDirectoryName(assembly)!, Path.GetFileNameWithoutExtension(assembly));
        if (File.Exists(apphost))
        {
            info.FileName = apphost;
        }
        else
        {
            info.FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            info.ArgumentList.Add(assembly);
        }

        foreach (var a in new[] { HoldLockCommand.Name, "--db", database, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the demo's lock holder");
        var holder = new DemoHolder(process);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false);
        if (line != HoldLockCommand.Ready)
        {
            var err = await process.StandardError.ReadToEndAsync(CancellationToken.None).ConfigureAwait(false);
            holder.Dispose();
            throw new InvalidOperationException($"the demo's lock holder did not start: {line} {err}".Trim());
        }

        return holder;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(2000))
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(2000);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }
}
