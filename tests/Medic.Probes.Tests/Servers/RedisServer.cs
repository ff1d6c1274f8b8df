using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Medic.Probes.Tests.Servers;

/// <summary>
/// One redis-server from the Debian package, daemonized on a free loopback port in a temporary folder, stopped by
/// its PID. Nothing is saved to disk (<c>--save "" --appendonly no</c>).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private readonly int _pid;

    private RedisServer(int port, string folder, int pid)
    {
        Port = port;
        Folder = folder;
        _pid = pid;
    }

    public int Port { get; }

    public string Folder { get; }

    public string Url => string.Create(CultureInfo.InvariantCulture, $"redis://127.0.0.1:{Port}");

    /// <summary>Starts a server; <paramref name="extraArgs"/> are more <c>--option value</c> pairs, one argv entry each.</summary>
    public static async Task<RedisServer> StartAsync(IEnumerable<string>? extraArgs = null, bool tls = false)
    {
        var exe = Locate() ?? throw new InvalidOperationException(
            "redis-server is not installed, so the Redis tests cannot run. Install the Debian package: "
            + "apt-get install -y redis-server (test.sh does this).");
        var folder = Directory.CreateTempSubdirectory("medic-redis-").FullName;
        var port = FreePort();
        var psi = new ProcessStartInfo(exe)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] args =
        [
            "--bind", "127.0.0.1", "--port", tls ? "0" : Text(port), "--daemonize", "yes", "--dir", folder,
            "--pidfile", Path.Combine(folder, "redis.pid"), "--logfile", Path.Combine(folder, "redis.log"),
            "--save", "", "--appendonly", "no", "--enable-debug-command", "local",
        ];
        foreach (var arg in args.Concat(tls ? ["--tls-port", Text(port)] : []).Concat(extraArgs ?? []))
        {
            psi.ArgumentList.Add(arg);
        }

        using var cts = new CancellationTokenSource(StartTimeout);
        using (var launcher = Process.Start(psi) ?? throw new InvalidOperationException("could not start redis-server"))
        {
            await launcher.WaitForExitAsync(cts.Token);
            var output = await launcher.StandardOutput.ReadToEndAsync(cts.Token) + await launcher.StandardError.ReadToEndAsync(cts.Token);
            if (launcher.ExitCode != 0)
            {
                throw new InvalidOperationException($"redis-server exited with {launcher.ExitCode}: {output}{Log(folder)}");
            }
        }

        var pid = await WaitForPidAsync(folder, cts.Token);
        var server = new RedisServer(port, folder, pid);
        await server.WaitUntilListeningAsync(cts.Token);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var process = Process.GetProcessById(_pid);
            process.Kill();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (ArgumentException)
        {
            // Already gone (a test stopped it).
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Stops the server now, leaving its port closed (for refused-connection tests).</summary>
    public async Task StopAsync()
    {
        using var process = Process.GetProcessById(_pid);
        process.Kill();
        await process.WaitForExitAsync();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Locate()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/sbin")
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);
    }

    private static async Task<int> WaitForPidAsync(string folder, CancellationToken cancellationToken)
    {
        var file = Path.Combine(folder, "redis.pid");
        while (true)
        {
            if (File.Exists(file) && int.TryParse((await File.ReadAllTextAsync(file, cancellationToken)).Trim(), out var pid))
            {
                return pid;
            }

            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                return;
            }
            catch (SocketException) when (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(20, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw new InvalidOperationException($"redis-server did not listen on port {Port}.{Log(Folder)}");
            }
        }
    }

    private static string Log(string folder)
    {
        var file = Path.Combine(folder, "redis.log");
        return File.Exists(file) ? Environment.NewLine + File.ReadAllText(file) : "";
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
