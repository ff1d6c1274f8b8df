using System.Globalization;
using System.Text;

namespace Medic.Logs.Bench;

/// <summary>Writes a synthetic service log: half JSON lines (slog/zap style), half text lines, ~40 message shapes.</summary>
internal static class LogGenerator
{
    private static readonly string[] Levels = ["INFO", "INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"];
    private static readonly string[] Paths = ["/api/v1/orders", "/api/v1/users", "/healthz", "/api/v2/search", "/static/app.js"];
    private static readonly string[] Methods = ["GET", "GET", "POST", "PUT", "DELETE"];
    private static readonly string[] Users = ["alice", "bob", "carol", "dave", "erin", "frank"];

    public static void Write(string path, long bytes)
    {
        var random = new Random(42);
        var time = new DateTime(2026, 12, 4, 0, 0, 0, DateTimeKind.Utc);
        using var output = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        var sb = new StringBuilder(512);
        long written = 0;
        while (written < bytes)
        {
            time = time.AddMilliseconds(random.Next(0, 3));
            var level = Levels[random.Next(Levels.Length)];
            var message = Message(random, sb);
            string line;
            var stamp = time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            if (random.Next(2) == 0)
            {
                line = $"{{\"time\":\"{stamp}\",\"level\":\"{level.ToLowerInvariant()}\",\"msg\":\"{message}\",\"service\":\"orders\",\"request_id\":\"{Guid(random)}\",\"duration_ms\":{random.NextDouble() * 900:F1}}}";
            }
            else
            {
                line = $"{stamp[..10]} {stamp[11..23]} {level} {message}";
            }
            output.Write(line);
            output.Write('\n');
            written += line.Length + 1;
        }
    }

    private static string Guid(Random r) => new System.Guid([.. Enumerable.Range(0, 16).Select(_ => (byte)r.Next(256))]).ToString();

    private static string Message(Random r, StringBuilder sb)
    {
        sb.Clear();
        var ip = $"10.{r.Next(256)}.{r.Next(256)}.{r.Next(256)}";
        switch (r.Next(20))
        {
            case 0: sb.Append(CultureInfo.InvariantCulture, $"{Methods[r.Next(Methods.Length)]} {Paths[r.Next(Paths.Length)]}/{r.Next(100000)} completed status={200 + (r.Next(10) == 0 ? 300 : 0)} in {r.Next(1, 3000)}ms"); break;
            case 1: sb.Append(CultureInfo.InvariantCulture, $"Connection from {ip}:{r.Next(1024, 65535)} closed after {r.NextDouble() * 60:F3}s"); break;
            case 2: sb.Append(CultureInfo.InvariantCulture, $"QueuePool limit of size {r.Next(5, 20)} overflow {r.Next(10, 30)} reached, connection timed out, timeout {r.Next(10, 60)}.00"); break;
            case 3: sb.Append(CultureInfo.InvariantCulture, $"circuit breaker state changed from=closed to=open service=payments failures={r.Next(5, 50)}"); break;
            case 4: sb.Append(CultureInfo.InvariantCulture, $"database is locked while writing /var/lib/app/data-{r.Next(10)}.db after {r.Next(1, 5000)} ms"); break;
            case 5: sb.Append(CultureInfo.InvariantCulture, $"user {Users[r.Next(Users.Length)]} logged in from {ip} session {Guid(r)}"); break;
            case 6: sb.Append(CultureInfo.InvariantCulture, $"cache miss for key order:{r.Next(1000000)} size {r.Next(1, 900)} KB"); break;
            case 7: sb.Append(CultureInfo.InvariantCulture, $"worker {r.Next(16)} processed batch {r.Next(100000)} of {r.Next(10, 500)} items in {r.NextDouble() * 2:F3}s"); break;
            case 8: sb.Append(CultureInfo.InvariantCulture, $"retrying request to https://api.example.com/v1/charge/{r.Next(99999)} attempt {r.Next(1, 5)} of 5"); break;
            case 9: sb.Append(CultureInfo.InvariantCulture, $"slow query took {r.Next(1000, 9000)}ms: SELECT * FROM orders WHERE id = {r.Next(1000000)}"); break;
            case 10: sb.Append("Scheduler tick completed without pending jobs"); break;
            case 11: sb.Append(CultureInfo.InvariantCulture, $"GC pause {r.NextDouble() * 50:F2}ms heap {r.Next(100, 4000)}MB"); break;
            case 12: sb.Append(CultureInfo.InvariantCulture, $"token refresh failed for client_id=svc-{r.Next(40)} error=invalid_grant"); break;
            case 13: sb.Append(CultureInfo.InvariantCulture, $"disk usage of /srv/app/logs at {r.Next(50, 100)}% ({r.Next(1, 500)} GB free)"); break;
            case 14: sb.Append(CultureInfo.InvariantCulture, $"message {Guid(r)} published to subject orders.created.{r.Next(8)} seq={r.Next(10000000)}"); break;
            case 15: sb.Append(CultureInfo.InvariantCulture, $"healthcheck ok latency={r.Next(1, 80)}ms upstream={ip}:8080"); break;
            case 16: sb.Append(CultureInfo.InvariantCulture, $"failed to connect to redis at {ip}:6379: connection refused (attempt {r.Next(1, 10)})"); break;
            case 17: sb.Append(CultureInfo.InvariantCulture, $"loaded config from /etc/app/config.yaml in {r.Next(1, 20)}ms with {r.Next(10, 90)} keys"); break;
            case 18: sb.Append(CultureInfo.InvariantCulture, $"rate limit exceeded for tenant {r.Next(500)} on route {Paths[r.Next(Paths.Length)]}"); break;
            default: sb.Append(CultureInfo.InvariantCulture, $"job {r.Next(100000)} finished with exit code {r.Next(3)} after {r.Next(1, 600)}s"); break;
        }
        return sb.ToString();
    }
}
