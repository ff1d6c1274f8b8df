using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Medic.Server.Tests.Support;

/// <summary>
/// The built <c>medic</c> (medic.dll beside the tests) running <c>medic serve</c> as a child process on a free port,
/// with an admin token. <see cref="BaseUrl"/> and <see cref="Http"/> let a test assert any route (API, /metrics, the
/// dashboard). Disposing kills it (SIGKILL) if it still runs.
/// </summary>
public sealed class MedicServe : IDisposable
{
    public const string Token = "e2e-admin-token";

    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private MedicServe(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    public Uri BaseUrl { get; }

    public HttpClient Http { get; }

    public int Pid => _process.Id;

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts <c>medic serve --urls … ARGS</c> and waits until <c>/health/ready</c> answers.</summary>
    public static async Task<MedicServe> StartAsync(params string[] args)
    {
        var port = WebhookReceiver.FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "medic.dll"));
        info.ArgumentList.Add("serve");
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["MEDIC_API_TOKEN"] = Token;
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start medic");
        var serve = new MedicServe(process, new Uri($"http://127.0.0.1:{port}"));
        process.ErrorDataReceived += (_, e) =>
        {
            lock (serve._stderr)
            {
                serve._stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        for (var i = 0; i < 300; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"medic serve exited with {process.ExitCode}: {serve.Stderr}");
            }

            try
            {
                using var ready = await serve.Http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (ready.IsSuccessStatusCode)
                {
                    return serve;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        serve.Dispose();
        throw new TimeoutException("medic serve did not become ready within 30 s");
    }

    public async Task<JsonArray> GetArrayAsync(string path) =>
        JsonNode.Parse(await Http.GetStringAsync(new Uri(path, UriKind.Relative)))!.AsArray();

    /// <summary>Polls <paramref name="path"/> until <paramref name="condition"/> holds (at most <paramref name="seconds"/>).</summary>
    public async Task<JsonArray> WaitForAsync(string path, Func<JsonArray, bool> condition, int seconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var items = await GetArrayAsync(path);
            if (condition(items) || DateTime.UtcNow > until)
            {
                return items;
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown code runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await _process.WaitForExitAsync(limit.Token);
        }

        return _process.ExitCode;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        Http.Dispose();
    }
}
