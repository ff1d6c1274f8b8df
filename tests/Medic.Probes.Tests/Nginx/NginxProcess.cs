using System.Diagnostics;
using Medic.Probes.Tests.Support;

namespace Medic.Probes.Tests.Nginx;

/// <summary>
/// The Debian nginx binary for tests: <c>nginx -t</c> on a configuration, or a foreground nginx on a free loopback
/// port in a temporary folder, stopped by its PID. Test configurations include <see cref="MainInclude"/> and
/// <see cref="HttpInclude"/> so nginx keeps its pid file, logs and temp folders inside the test folder.
/// </summary>
internal sealed class NginxProcess : IAsyncDisposable
{
    public const string MainInclude = "include main.inc;";
    public const string HttpInclude = "include http.inc;";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);
    private readonly Process _process;
    private readonly TempFolder _folder;

    private NginxProcess(Process process, TempFolder folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public int Pid => _process.Id;

    public string Folder => _folder.Path;

    public string ConfigPath => _folder.File("nginx.conf");

    public static string Binary =>
        new[] { "/usr/sbin/nginx" }.Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "nginx")))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("nginx is not installed, so the nginx tests cannot run. Install the Debian package: apt-get install -y nginx (test.sh does this).");

    /// <summary>Writes the two snippets every test configuration includes into <paramref name="folder"/>.</summary>
    public static void WritePrelude(string folder)
    {
        File.WriteAllText(Path.Combine(folder, "main.inc"), $"pid {folder}/nginx.pid;\nworker_processes 1;\n");
        Directory.CreateDirectory(Path.Combine(folder, "tmp"));
        File.WriteAllText(Path.Combine(folder, "http.inc"), string.Join('\n',
            "access_log off;",
            $"client_body_temp_path {folder}/tmp/body;",
            $"proxy_temp_path {folder}/tmp/proxy;",
            $"fastcgi_temp_path {folder}/tmp/fastcgi;",
            $"uwsgi_temp_path {folder}/tmp/uwsgi;",
            $"scgi_temp_path {folder}/tmp/scgi;",
            ""));
    }

    /// <summary>Runs <c>nginx -t</c> on <paramref name="config"/> with <paramref name="folder"/> as prefix: whether nginx accepts it, and what it said.</summary>
    public static async Task<(bool Ok, string Output)> TestAsync(string folder, string config, CancellationToken cancellationToken)
    {
        using var process = Start(folder, config, "-t");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode == 0, await stdout + await stderr);
    }

    /// <summary>
    /// Starts nginx with an http block made of the prelude and <paramref name="http"/>, which gets the free port to listen on.
    /// </summary>
    public static async Task<NginxProcess> StartAsync(Func<int, string> http, CancellationToken cancellationToken)
    {
        var folder = new TempFolder();
        var port = FreePort.Next();
        WritePrelude(folder.Path);
        await File.WriteAllTextAsync(folder.File("nginx.conf"),
            $"daemon off;\n{MainInclude}\nerror_log {folder.Path}/error.log info;\nevents {{ worker_connections 64; }}\nhttp {{\n{HttpInclude}\n{http(port)}\n}}\n",
            cancellationToken);
        var process = Start(folder.Path, folder.File("nginx.conf"));
        var nginx = new NginxProcess(process, folder, port);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            var listening = FreePort.WaitUntilListeningAsync(port);
            var exited = process.WaitForExitAsync(timeout.Token);
            if (await Task.WhenAny(listening, exited) == exited)
            {
                throw new InvalidOperationException(process.HasExited
                    ? $"nginx exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync(cancellationToken)}"
                    : $"nginx did not listen on 127.0.0.1:{port} within {StartTimeout.TotalSeconds} s");
            }

            await listening;
            return nginx;
        }
        catch
        {
            await nginx.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                // The master and its workers: a killed master would leave workers holding the port.
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        _folder.Dispose();
    }

    private static Process Start(string folder, string config, params string[] more)
    {
        var info = new ProcessStartInfo(Binary)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in more.Concat(["-p", folder + "/", "-c", config, "-e", Path.Combine(folder, "error.log")]))
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start nginx");
    }
}
