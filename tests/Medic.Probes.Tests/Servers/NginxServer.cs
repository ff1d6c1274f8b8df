using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Medic.Probes.Tests.Servers;

/// <summary>
/// One nginx from the Debian package, in the foreground (<c>daemon off</c>) as a child of the test, with its own prefix
/// folder, pid file and error log in a temporary folder, on a free loopback port. Stopped by its PID: SIGTERM to the
/// master, which stops its workers (SIGKILL to the tree if it lingers).
/// In a config, <c>{{port}}</c> becomes the chosen port and <c>{{dir}}</c> the folder.
/// </summary>
public sealed class NginxServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private readonly Process _process;

    private NginxServer(Process process, int port, string folder)
    {
        _process = process;
        Port = port;
        Folder = folder;
    }

    public int Port { get; }

    /// <summary>The master process's PID.</summary>
    public int Pid => _process.Id;

    public string Folder { get; }

    public string ConfigPath => Path.Combine(Folder, "nginx.conf");

    public string ErrorLogPath => Path.Combine(Folder, "error.log");

    public string Url => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}");

    /// <summary>Starts nginx with <paramref name="http"/> as the body of its <c>http { }</c> block (server blocks and all).</summary>
    public static Task<NginxServer> StartAsync(string http) => StartWithConfigAsync($$$"""
        worker_processes 1;
        error_log {{dir}}/error.log info;
        events { worker_connections 128; }
        http {
            access_log off;
            client_body_temp_path {{dir}}/client_body;
            proxy_temp_path {{dir}}/proxy;
            fastcgi_temp_path {{dir}}/fastcgi;
            uwsgi_temp_path {{dir}}/uwsgi;
            scgi_temp_path {{dir}}/scgi;
            {{{http}}}
        }
        """);

    /// <summary>Starts nginx with a whole configuration; it must not set <c>daemon</c> or <c>pid</c>, which the fixture owns.</summary>
    public static async Task<NginxServer> StartWithConfigAsync(string config)
    {
        var exe = Locate() ?? throw new InvalidOperationException(
            "nginx is not installed, so the nginx tests cannot run. Install the Debian package: apt-get install -y nginx (test.sh does this).");
        var folder = Directory.CreateTempSubdirectory("medic-nginx-").FullName;
        var port = FreePort();
        var text = config.Replace("{{port}}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{dir}}", folder, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), text);
        var psi = new ProcessStartInfo(exe)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "-p", folder + "/", "-e", Path.Combine(folder, "error.log"), "-c", Path.Combine(folder, "nginx.conf"),
            "-g", $"daemon off; pid {Path.Combine(folder, "nginx.pid")};" })
        {
            psi.ArgumentList.Add(arg);
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start nginx");
        var server = new NginxServer(process, port, folder);
        try
        {
            await server.WaitUntilListeningAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The error log so far (the config logs at level info, where nginx reports upstream timeouts).</summary>
    public string ErrorLog() => File.Exists(ErrorLogPath) ? File.ReadAllText(ErrorLogPath) : "";

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
            // Workers run as 'nobody' when the tests run as root; what they created may resist. The temp folder is cleaned eventually.
        }
    }

    /// <summary>Stops nginx now by its PID, leaving its port closed.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            await kill!.WaitForExitAsync();
        }

        try
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Locate() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin").Append("/usr/bin")
            .Select(dir => Path.Combine(dir, "nginx"))
            .FirstOrDefault(File.Exists);

    private async Task WaitUntilListeningAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            if (_process.HasExited)
            {
                var output = await _process.StandardError.ReadToEndAsync(timeout.Token);
                throw new InvalidOperationException($"nginx exited with {_process.ExitCode}: {output}{Environment.NewLine}{ErrorLog()}");
            }

            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
                return;
            }
            catch (SocketException) when (!timeout.IsCancellationRequested)
            {
                await Task.Delay(20, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new InvalidOperationException($"nginx did not listen on port {Port}.{Environment.NewLine}{ErrorLog()}");
            }
        }
    }
}
