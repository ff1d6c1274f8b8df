using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Medic.Probes.Tests.Servers;
using Medic.Server.Tests.Store;
using Medic.Server.Tests.Support;
using Microsoft.Data.Sqlite;
using Shouldly;
using Xunit;

namespace Medic.Server.Tests.EndToEnd;

/// <summary>
/// The built <c>medic serve</c> against real SQLite, PostgreSQL and Redis, its history in PostgreSQL, alerts to a real
/// receiver: Redis is pushed to its memory limit and back.
/// </summary>
[Collection(ServerPostgresCollection.Name)]
public sealed class ServeEndToEndTests(PostgresServer postgres) : IDisposable
{
    private const string Cause = "writes-refused";
    private readonly string _dir = Directory.CreateTempSubdirectory("medic-e2e-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_redis_at_maxmemory_opens_a_finding_alerts_once_and_resolves_when_fixed()
    {
        await using var redis = await RedisServer.StartAsync(["--maxmemory", "100mb", "--maxmemory-policy", "noeviction"]);
        await using var receiver = await WebhookReceiver.StartAsync();
        var history = "e2e_" + Guid.NewGuid().ToString("N")[..8];
        await postgres.ExecuteAsync($"CREATE DATABASE {history}", "postgres");
        using (var db = new SqliteConnection($"Data Source={Path.Combine(_dir, "app.db")}"))
        {
            db.Open();
            using var create = db.CreateCommand();
            create.CommandText = "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO items (name) VALUES ('a');";
            create.ExecuteNonQuery();
        }

        var system = Path.Combine(_dir, "shop.yaml");
        await File.WriteAllTextAsync(system, $"""
            system: shop
            components:
              db: {"{"} kind: sqlite, path: app.db {"}"}
              pg: {"{"} kind: postgres, connection: "Host=127.0.0.1;Port={postgres.Port};Username=postgres;Database=quiet" {"}"}
              cache: {"{"} kind: redis, url: "{redis.Url}" {"}"}
            """, TestContext.Current.CancellationToken);

        using var serve = await MedicServe.StartAsync(
            "-f", system, "--interval", "1s", "--store", $"postgresql://postgres@127.0.0.1:{postgres.Port}/{history}", "--webhook", receiver.Url.ToString());

        // Healthy: runs complete, and the memory cause is not open.
        var runs = await serve.WaitForAsync("/api/runs?system=shop", r => r.Count >= 2);
        runs.Count.ShouldBeGreaterThanOrEqualTo(2, serve.Stderr);
        (await OpenMemoryFindings(serve)).ShouldBeEmpty();

        // Break: maxmemory just above what Redis uses, so it stands at over 90% of its limit.
        var used = long.Parse(Info(redis, "used_memory"), CultureInfo.InvariantCulture);
        RedisCli(redis, "CONFIG", "SET", "maxmemory", (used * 102 / 100).ToString(CultureInfo.InvariantCulture));

        var open = await serve.WaitForAsync("/api/findings?system=shop&status=open", f => f.Any(IsMemory));
        var finding = open.Single(IsMemory)!;
        finding["component"]!.GetValue<string>().ShouldBe("cache");
        finding["severity"]!.GetValue<string>().ShouldBe("critical");
        var opened = await WaitForEvents(receiver, "opened", 1);
        opened.ShouldBe(1, serve.Stderr);

        // Several more runs with the fault in place: still one alert.
        var firstRuns = finding["runCount"]!.GetValue<int>();
        await serve.WaitForAsync("/api/findings?system=shop&status=open", f => f.Any(x => IsMemory(x) && x!["runCount"]!.GetValue<int>() >= firstRuns + 3));
        using var views = new ServeViews(serve);
        var id = finding["id"]!.GetValue<long>();
        var title = WebUtility.HtmlEncode(finding["title"]!.GetValue<string>());
        await WhileOpen(views, id, title);

        // Fix: room again. The finding resolves and the resolved alert follows.
        RedisCli(redis, "CONFIG", "SET", "maxmemory", "100mb");
        var resolved = await serve.WaitForAsync("/api/findings?system=shop&status=resolved", f => f.Any(IsMemory));
        resolved.Count(IsMemory).ShouldBe(1);
        (await WaitForEvents(receiver, "resolved", 1)).ShouldBe(1);
        (await OpenMemoryFindings(serve)).ShouldBeEmpty();
        Events(receiver, "opened").ShouldBe(1);
        await AfterResolved(views, id, title);

        (await serve.StopAsync()).ShouldBe(0, serve.Stderr);
    }

    /// <summary>The open finding in /metrics and on the three dashboard pages.</summary>
    private static async Task WhileOpen(ServeViews views, long id, string title)
    {
        var metrics = await views.MetricsAsync();
        var gauge = ServeViews.OpenGauge(metrics, "shop", Cause).ShouldHaveSingleItem();
        gauge.Labels["severity"].ShouldBe("critical");
        gauge.Value.ShouldBe(1);
        foreach (var component in new[] { "db", "pg", "cache" })
        {
            metrics["medic_probe_duration_seconds"].Samples
                .Where(s => s.Name == "medic_probe_duration_seconds_count" && s.Labels["system"] == "shop" && s.Labels["component"] == component)
                .Sum(s => s.Value).ShouldBeGreaterThan(0, component);
        }

        metrics["medic_probe_duration_seconds"].Samples.ShouldContain(s => s.Name == "medic_probe_duration_seconds_bucket" && s.Labels["component"] == "cache" && s.Labels["probe"] == "redis.info");
        metrics["medic_runs_total"].Samples.Single(s => s.Labels["system"] == "shop").Value.ShouldBeGreaterThan(2);
        metrics["medic_run_duration_seconds"].Samples.Single(s => s.Name == "medic_run_duration_seconds_count" && s.Labels["system"] == "shop").Value.ShouldBeGreaterThan(2);

        var row = ServeViews.OverviewRow(await views.PageAsync("/ui/"), "shop");
        row.ShouldContain("status-failing");
        row.ShouldContain($"<a href=\"/ui/findings/{id}\">{title}</a>");

        var open = ServeViews.Between(await views.PageAsync("/ui/systems/shop"), "<h2 id=\"open\">", "<section aria-labelledby=\"components\">");
        var article = ServeViews.Between(open, $"<a href=\"/ui/findings/{id}\">{title}</a>", "</article>");
        article.ShouldContain("on <strong>cache</strong>");
        article.ShouldContain("<code>redis.info</code>");
        article.ShouldContain("used_ratio");
        ServeViews.Between(article, "<h4>Fix</h4>", "</article>").ShouldContain("CONFIG SET maxmemory");

        var page = await views.PageAsync($"/ui/findings/{id}");
        page.ShouldContain($"<h1>{title}</h1>");
        page.ShouldContain("<dt>Status</dt><dd>open</dd>");
        page.ShouldContain("<dt>Resolved</dt><dd>not yet</dd>");
        var history = ServeViews.Between(page, "<h2 id=\"history\">", "</section>");
        CountOf(history, "<tr><td class=\"num\">").ShouldBeGreaterThanOrEqualTo(4);
        history.ShouldContain("used_ratio = ");
    }

    /// <summary>Resolved: the gauge's series is gone (only open findings are counted), nothing lists it as open.</summary>
    private static async Task AfterResolved(ServeViews views, long id, string title)
    {
        ServeViews.OpenGauge(await views.MetricsAsync(), "shop", Cause).ShouldBeEmpty();
        ServeViews.OverviewRow(await views.PageAsync("/ui/"), "shop").ShouldNotContain($"/ui/findings/{id}\"");
        var system = await views.PageAsync("/ui/systems/shop");
        ServeViews.Between(system, "<h2 id=\"open\">", "<section aria-labelledby=\"components\">").ShouldNotContain($"/ui/findings/{id}\"");
        ServeViews.Between(system, "<h2 id=\"timeline\">", "</section>").ShouldContain($"<a href=\"/ui/findings/{id}\">{title}</a>");

        var page = await views.PageAsync($"/ui/findings/{id}");
        page.ShouldContain("<dt>Status</dt><dd>resolved</dd>");
        page.ShouldNotContain("<dt>Resolved</dt><dd>not yet</dd>");
    }

    private static int CountOf(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    private static bool IsMemory(JsonNode? f) =>
        f!["runbook"]!.GetValue<string>() == "redis.maxmemory-reached" && f["cause"]!.GetValue<string>() == Cause;

    private static async Task<List<JsonNode?>> OpenMemoryFindings(MedicServe serve) =>
        [.. (await serve.GetArrayAsync("/api/findings?system=shop&status=open")).Where(IsMemory)];

    private static int Events(WebhookReceiver receiver, string kind) =>
        receiver.Bodies.Select(b => JsonNode.Parse(b)!).Count(b => b["cause"]!.GetValue<string>() == Cause && b["event"]!.GetValue<string>() == kind);

    private static async Task<int> WaitForEvents(WebhookReceiver receiver, string kind, int count)
    {
        for (var i = 0; i < 200 && Events(receiver, kind) < count; i++)
        {
            await Task.Delay(100);
        }

        // a little longer, so a duplicate would show
        await Task.Delay(1500);
        return Events(receiver, kind);
    }

    private static string Info(RedisServer redis, string field) =>
        RedisCli(redis, "INFO", "memory").Split('\n').Select(l => l.Trim()).First(l => l.StartsWith(field + ":", StringComparison.Ordinal))[(field.Length + 1)..];

    private static string RedisCli(RedisServer redis, params string[] args)
    {
        var info = new ProcessStartInfo("redis-cli") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in (string[])["-h", "127.0.0.1", "-p", redis.Port.ToString(CultureInfo.InvariantCulture), .. args])
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output;
    }
}
