using System.Globalization;
using System.Text;

/// <summary>Generated troubleshooting guides in the seeds' structures, with a random vocabulary (fixed seed).</summary>
internal sealed class GuideGenerator(int seed)
{
    private static readonly string[] Nouns =
    [
        "database", "cache", "queue", "broker", "proxy", "worker", "scheduler", "token", "session", "stream", "index", "replica",
        "snapshot", "migration", "connection", "pool", "socket", "certificate", "config", "plugin", "controller", "endpoint",
        "disk", "memory", "thread", "lock", "transaction", "trigger", "consumer", "producer", "upstream", "gateway", "webhook",
    ];

    private static readonly string[] Verbs =
    [
        "fails", "times out", "hangs", "crashes", "stalls", "leaks", "rejects requests", "drops messages", "is slow", "restarts",
        "returns 500", "refuses connections", "is locked", "is corrupted", "is full", "is missing", "expires", "overflows",
    ];

    private readonly Random _random = new(seed);

    public string Guide(int number, int problems)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# Service{number} Troubleshooting\n\n");
        for (var p = 0; p < problems; p++)
        {
            var noun = Pick(Nouns);
            var other = Pick(Nouns);
            var verb = Pick(Verbs);
            var id = _random.Next(100000);
            switch (p % 3)
            {
                case 0:
                    md.Append(CultureInfo.InvariantCulture, $"## Area {p}\n\n#### Problem: {Cap(noun)} {verb} ({id})\n\n");
                    md.Append(CultureInfo.InvariantCulture, $"1. **Check {other}**: `curl -s http://localhost:{8000 + p}/health | jq '.checks.{noun}'`\n");
                    md.Append(CultureInfo.InvariantCulture, $"2. **{Cap(other)} {Pick(Verbs)}**: `sudo journalctl -u svc{number} -n 100`\n\n");
                    break;
                case 1:
                    md.Append(CultureInfo.InvariantCulture, $"### {Cap(noun)} {verb} under load {id}\n\n**Symptom:** `{noun} {verb}: {other} error {id}` in the logs.\n\n");
                    md.Append(CultureInfo.InvariantCulture, $"| Cause | Fix |\n|---|---|\n| {Cap(other)} {Pick(Verbs)} | Restart the {other} |\n| {Cap(Pick(Nouns))} misconfigured | Fix `{noun}.limit` |\n\n");
                    md.Append("```bash\nredis-cli info memory\n```\n\n");
                    break;
                default:
                    md.Append(CultureInfo.InvariantCulture, $"### {p}. {Cap(noun)} {verb} after {other} change {id}\n\n#### Symptoms\n- {Cap(other)} {Pick(Verbs)}\n- E{id}: {noun} {verb}\n\n");
                    md.Append(CultureInfo.InvariantCulture, $"#### Solutions\n\n1. **Check {other}**\n```sql\nSELECT count(*) FROM {noun}_{other} WHERE state = 'x';\n```\n\n");
                    break;
            }
        }

        return md.ToString();
    }

    public string Query(string title)
    {
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.Any(char.IsDigit)).ToList();
        return string.Join(' ', words.OrderBy(_ => _random.Next()).Take(3)) + $" at 10.0.{_random.Next(255)}.{_random.Next(255)} id={_random.Next()}";
    }

    private string Pick(string[] words) => words[_random.Next(words.Length)];

    private static string Cap(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
