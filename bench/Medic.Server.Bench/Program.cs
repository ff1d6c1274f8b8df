using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Medic.Server.Bench;

// medic serve capacity: N simulated components (HTTP on an in-process Kestrel, each its own URL, and TCP on the same 128 ports), split into
// systems of 100, diagnosed by the real medic serve (child process) on an interval; reports whether every system kept
// its interval, with the server's CPU and memory.
// usage: dotnet run -c Release --project bench/Medic.Server.Bench -- [components=10000] [interval=30] [seconds=95]
var components = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var interval = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 95;
const int PerSystem = 100;

await using var sim = await SimulatedComponents.StartAsync(128);
var dir = Directory.CreateTempSubdirectory("medic-bench-").FullName;
var systems = (components + PerSystem - 1) / PerSystem;
for (var s = 0; s < systems; s++)
{
    var yaml = new StringBuilder($"system: sys{s:D4}\ncomponents:\n");
    for (var c = 0; c < PerSystem && (s * PerSystem) + c < components; c++)
    {
        var port = sim.Ports[((s * PerSystem) + c) % sim.Ports.Count];
        yaml.Append(c % 2 == 0
            ? $"  c{c}: {{ kind: http, url: 'http://127.0.0.1:{port}', health: '/health?c={(s * PerSystem) + c}' }}\n"
            : $"  c{c}: {{ kind: tcp, host: 127.0.0.1, port: {port} }}\n");
    }

    File.WriteAllText(Path.Combine(dir, $"sys{s:D4}.yaml"), yaml.ToString());
}

var apiPort = sim.Ports[0] + 1;
using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
listener.Start();
apiPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
listener.Stop();

var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "medic.dll"), "serve", "-f", dir, "--interval", $"{interval}s",
    "--store", Path.Combine(dir, "history.db"), "--urls", $"http://127.0.0.1:{apiPort}", "--concurrency", "16"])
{
    info.ArgumentList.Add(a);
}

info.Environment["MEDIC_API_TOKEN"] = "bench";
info.Environment["DOTNET_gcServer"] = "0";
using var serve = Process.Start(info)!;
serve.BeginErrorReadLine();
serve.BeginOutputReadLine();
var started = DateTime.UtcNow;
long peakRss = 0;
var cpuStart = TimeSpan.Zero;
var warm = false;
while ((DateTime.UtcNow - started).TotalSeconds < seconds)
{
    await Task.Delay(1000);
    serve.Refresh();
    if (serve.HasExited)
    {
        Console.Error.WriteLine($"medic serve exited with {serve.ExitCode}");
        return 3;
    }

    peakRss = Math.Max(peakRss, serve.WorkingSet64);
    if (!warm && (DateTime.UtcNow - started).TotalSeconds >= 5)
    {
        warm = true;
        cpuStart = serve.TotalProcessorTime;
    }
}

serve.Refresh();
var cpu = serve.TotalProcessorTime - cpuStart;
var measured = seconds - 5;
using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}"), Timeout = TimeSpan.FromSeconds(60) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "bench");
var runs = JsonNode.Parse(await http.GetStringAsync(new Uri("/api/runs", UriKind.Relative)))!.AsArray();
serve.Kill();
await serve.WaitForExitAsync();

var perSystem = runs.GroupBy(r => r!["system"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.ToList());
var expected = (int)Math.Floor((seconds - (interval * 0.1)) / (interval * 1.1));
var kept = perSystem.Count(p => p.Value.Count >= expected);
var durations = runs.Select(r => r!["durationMs"]!.GetValue<double>()).Order().ToList();
double P(double q) => durations.Count == 0 ? 0 : durations[Math.Min(durations.Count - 1, (int)(q * durations.Count))];

Console.WriteLine($"components {components} in {systems} systems ({PerSystem} each, half http.get on /health, half tcp.connect), interval {interval}s, {seconds}s run, {Environment.ProcessorCount} cores");
Console.WriteLine($"runs stored {runs.Count}; systems with >= {expected} runs: {kept}/{systems}; systems never run: {systems - perSystem.Count}");
Console.WriteLine($"run duration ms p50 {P(0.5):0} p95 {P(0.95):0} max {(durations.Count > 0 ? durations[^1] : 0):0}");
Console.WriteLine($"server CPU {cpu.TotalSeconds:0.0}s over {measured}s = {cpu.TotalSeconds / measured * 100:0}% of one core; peak RSS {peakRss / 1024 / 1024} MB");
Console.WriteLine($"requests served by the simulated components {sim.Requests}");
Directory.Delete(dir, recursive: true);
return kept == systems ? 0 : 1;
