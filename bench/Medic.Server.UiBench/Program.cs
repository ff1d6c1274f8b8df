using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Medic.Server;
using Medic.Server.Api;
using Medic.Server.UiBench;

// Cost of the dashboard and /metrics on a large system, end to end over HTTP against the real server:
// records RUNS runs of COMPONENTS components (two probes each, every tenth failing with a finding), then times
// GET /metrics, the system page and a finding page (median of 5 requests each).
// Usage: dotnet run -c Release --project bench/Medic.Server.UiBench -- [components=1000] [runs=50]
var components = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
var dir = Directory.CreateTempSubdirectory("medic-uibench-");
try
{
    using var l = new TcpListener(IPAddress.Loopback, 0);
    l.Start();
    var port = ((IPEndPoint)l.LocalEndpoint).Port;
    l.Stop();
    var tokens = new ApiTokens();
    tokens.Add("bench", TokenScope.Admin);
    var options = new ServerOptions($"http://127.0.0.1:{port}", Path.Combine(dir.FullName, "h.db"), TimeSpan.FromDays(1), 2, tokens);
    await using var app = ServerApp.Build(options, new SyntheticRunner(components), TimeProvider.System);
    await app.StartAsync();
    using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "bench");

    var recordCpu = Process.GetCurrentProcess().TotalProcessorTime;
    var record = Stopwatch.StartNew();
    for (var i = 0; i < runs; i++)
    {
        (await http.PostAsync(new Uri("/api/systems/bench/diagnose", UriKind.Relative), null)).EnsureSuccessStatusCode();
    }

    record.Stop();
    var recordCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - recordCpu).TotalMilliseconds;
    using var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("token", "bench")]);
    var login = await http.PostAsync(new Uri("/ui/login", UriKind.Relative), form);
    var cookie = login.Headers.GetValues("Set-Cookie").First().Split(';')[0];

    Console.WriteLine($"components={components} probes/run={components * 2} runs={runs} open findings={components / 10 + (components % 10 == 0 ? 0 : 1)}");
    Console.WriteLine($"record run (POST diagnose, store write incl. observations): {record.Elapsed.TotalMilliseconds / runs:0.0} ms wall, {recordCpuMs / runs:0.0} ms CPU per run");
    foreach (var path in new[] { "/metrics", "/ui/", "/ui/systems/bench", "/ui/findings/1" })
    {
        var times = new List<double>();
        var cpu = new List<double>();
        long bytes = 0;
        for (var i = 0; i < 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            request.Headers.Add("Cookie", cookie);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
            response.EnsureSuccessStatusCode();
            bytes = body.Length;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        cpu.Sort();
        Console.WriteLine($"GET {path,-18} median {times[2],8:0.0} ms wall {cpu[2],8:0.0} ms CPU  {bytes / 1024.0,8:0.0} KiB");
    }

    Console.WriteLine($"store size: {new FileInfo(Path.Combine(dir.FullName, "h.db")).Length / 1024 / 1024.0:0.0} MiB (+ WAL), working set {Environment.WorkingSet / 1024 / 1024} MiB");
    await app.StopAsync();
}
finally
{
    dir.Delete(recursive: true);
}
