using System.Diagnostics;
using System.Globalization;
using System.Text;
using Medic.Bundles;

// Redaction throughput on one core: realistic service logs and configs, by default 1 line in 50 holding a secret (second argument; 0 = none).
var megabytes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 64;
var secretEvery = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
string[] clean =
[
    "2026-12-04T03:12:44.120Z INFO  Microsoft.AspNetCore.Hosting.Diagnostics Request finished HTTP/1.1 GET http://localhost:5000/health - 200 - application/json 0.4112ms",
    "level=info ts=2026-12-04T03:12:44Z caller=worker.go:112 msg=\"processed batch\" size=128 duration=4.2ms",
    "127.0.0.1 - - [04/Dec/2026:03:12:44 +0000] \"GET /api/orders/123 HTTP/1.1\" 200 512 \"-\" \"curl/8.5.0\"",
    "    maxmemory 100mb",
    "{\"ts\":\"2026-12-04T03:12:44Z\",\"level\":\"debug\",\"msg\":\"cache hit\",\"route\":\"/api/items\",\"ms\":3}",
];
string[] dirty =
[
    "level=warn msg=\"retry\" url=postgres://app:pw-123@db:5432/app attempt=2",
    "Authorization: Bearer opaque-token-abc",
    "{\"user\":\"app\",\"password\":\"hunter2\"}",
];
var builder = new StringBuilder(megabytes * 1024 * 1024 + 4096);
var i = 0;
while (builder.Length < megabytes * 1024 * 1024)
{
    builder.Append(secretEvery > 0 && i % secretEvery == secretEvery - 1 ? dirty[i / secretEvery % dirty.Length] : clean[i % clean.Length]).Append('\n');
    i++;
}
var text = builder.ToString();
var bytes = Encoding.UTF8.GetByteCount(text);
new Redactor().Redact(text[..100_000]); // warm up (JIT, regex construction)
var best = double.MaxValue;
var redacted = 0;
for (var run = 0; run < 5; run++)
{
    var redactor = new Redactor();
    var watch = Stopwatch.StartNew();
    redactor.Redact(text);
    watch.Stop();
    best = Math.Min(best, watch.Elapsed.TotalSeconds);
    redacted = redactor.Total;
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"redaction: {bytes / 1048576.0:F1} MB, {i} lines, {redacted} values redacted, best of 5: {best * 1000:F0} ms = {bytes / 1048576.0 / best:F0} MB/s (one thread)"));
