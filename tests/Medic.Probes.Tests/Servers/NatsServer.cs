using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Medic.Probes.Tests.Servers;

/// <summary>
/// One nats-server from the Debian package, in the foreground on free loopback ports (client and monitoring) in a
/// temporary folder, stopped by its PID:
/// <c>nats-server -a 127.0.0.1 -p P -m M [-js -sd D/js] -P D/nats.pid -l D/nats.log [more]</c>.
/// </summary>
public sealed class NatsServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private Process _process;
    private int _starts = 1;
    private string _exe = "";
    private List<string> _args = [];

    private NatsServer(Process process, int port, int monitorPort, string folder)
    {
        _process = process;
        Port = port;
        MonitorPort = monitorPort;
        Folder = folder;
    }

    public int Port { get; }

    public int MonitorPort { get; }

    public string Folder { get; }

    public int Pid => _process.Id;

    public string Url => Text($"nats://127.0.0.1:{Port}");

    public string MonitorUrl => Text($"http://127.0.0.1:{MonitorPort}");

    public string Log => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "";

    private string LogFile => Path.Combine(Folder, "nats.log");

    /// <summary>
    /// Starts a server. <paramref name="config"/> is the text of a config file passed with -c (for settings with no
    /// flag, such as max_file_store; <c>{folder}</c> in it stands for the server's folder); <paramref name="extraArgs"/> are
    /// more flags, one argv entry each.
    /// </summary>
    public static async Task<NatsServer> StartAsync(bool jetStream = true, IEnumerable<string>? extraArgs = null, string? config = null)
    {
        var exe = Locate() ?? throw new InvalidOperationException(
            "nats-server is not installed, so the NATS tests cannot run. Install the Debian package: "
            + "apt-get install -y nats-server (test.sh does this).");
        var folder = Directory.CreateTempSubdirectory("medic-nats-").FullName;
        var port = FreePort();
        var monitorPort = FreePort();
        var args = new List<string>
        {
            "-a", "127.0.0.1", "-p", Text($"{port}"), "-m", Text($"{monitorPort}"),
            "-P", Path.Combine(folder, "nats.pid"), "-l", Path.Combine(folder, "nats.log"),
        };
        if (jetStream)
        {
            args.AddRange(["-js", "-sd", Path.Combine(folder, "js")]);
        }

        if (config is not null)
        {
            var file = Path.Combine(folder, "nats.conf");
            await File.WriteAllTextAsync(file, config.Replace("{folder}", folder, StringComparison.Ordinal));
            args.AddRange(["-c", file]);
        }

        args.AddRange(extraArgs ?? []);
        var server = new NatsServer(Launch(exe, args), port, monitorPort, folder) { _exe = exe, _args = args };
        try
        {
            using var cts = new CancellationTokenSource(StartTimeout);
            await server.WaitUntilReadyAsync(cts.Token);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts the stopped server again with the same command line: same ports, folder and JetStream store, so what
    /// it recovers from disk is what the first run left (the log file goes on growing).
    /// </summary>
    public async Task StartAgainAsync()
    {
        await StopAsync();
        _process.Dispose();
        _process = Launch(_exe, _args);
        _starts++;
        using var cts = new CancellationTokenSource(StartTimeout);
        await WaitUntilReadyAsync(cts.Token);
    }

    private static Process Launch(string exe, List<string> args)
    {
        var psi = new ProcessStartInfo(exe) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        args.ForEach(psi.ArgumentList.Add);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start nats-server");
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>A loopback port nothing listens on (at the moment of asking).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the server now, leaving its ports closed.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string? Locate()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/sbin")
            .Select(dir => Path.Combine(dir, "nats-server"))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Waits for "Server is ready" in the log, logged once every listener is up. Not by connecting: a test connection
    /// would show in the very counters and closed-connection lists the tests read.
    /// </summary>
    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        while (CountReady(Log) < _starts)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nats-server exited with {_process.ExitCode}.{Environment.NewLine}{Log}");
            }

            try
            {
                await Task.Delay(20, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw new InvalidOperationException($"nats-server did not become ready.{Environment.NewLine}{Log}");
            }
        }
    }

    private static int CountReady(string log)
    {
        var count = 0;
        for (var at = log.IndexOf("Server is ready", StringComparison.Ordinal); at >= 0; at = log.IndexOf("Server is ready", at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
