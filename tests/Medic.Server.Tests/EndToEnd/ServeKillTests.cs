using Medic.Server.Tests.Support;
using Microsoft.Data.Sqlite;
using Shouldly;
using Xunit;

namespace Medic.Server.Tests.EndToEnd;

/// <summary>SIGKILL the built <c>medic serve</c> while it writes runs every 100 ms; restart it on the same SQLite history.</summary>
public sealed class ServeKillTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("medic-kill-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Killing_the_server_mid_write_loses_no_completed_run_and_it_goes_on_after_a_restart()
    {
        var system = Path.Combine(_dir, "shop.yaml");
        await File.WriteAllTextAsync(system, "system: shop\ncomponents:\n  db: { kind: sqlite, path: app.db }\n  api: { kind: http, url: 'http://127.0.0.1:1' }\n", TestContext.Current.CancellationToken);
        var store = Path.Combine(_dir, "history.db");
        var completed = new HashSet<long>();
        for (var round = 0; round < 3; round++)
        {
            using var serve = await MedicServe.StartAsync("-f", system, "--interval", "100ms", "--store", store);
            var before = completed.Count;
            var runs = await serve.WaitForAsync("/api/runs", r => r.Count >= before + 5);
            foreach (var r in runs)
            {
                completed.Add(r!["id"]!.GetValue<long>());
            }

            completed.Count.ShouldBeGreaterThanOrEqualTo(before + 5, serve.Stderr);

            // Runs are being written every ~100 ms; kill without warning at an arbitrary point among them.
            await Task.Delay(Random.Shared.Next(0, 100), TestContext.Current.CancellationToken);
            serve.Kill();

            using var db = new SqliteConnection($"Data Source={store};Pooling=False");
            db.Open();
            using var check = db.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            check.ExecuteScalar().ShouldBe("ok");
            check.CommandText = "SELECT id FROM runs";
            var kept = new HashSet<long>();
            using (var reader = check.ExecuteReader())
            {
                while (reader.Read())
                {
                    kept.Add(reader.GetInt64(0));
                }
            }

            completed.ShouldBeSubsetOf(kept);
        }

        using var last = await MedicServe.StartAsync("-f", system, "--interval", "100ms", "--store", store);
        var after = await last.WaitForAsync("/api/runs", r => r.Count >= completed.Count + 3);
        after.Select(r => r!["id"]!.GetValue<long>()).ShouldBe(after.Select(r => r!["id"]!.GetValue<long>()).Order());
        after.Count.ShouldBeGreaterThanOrEqualTo(completed.Count + 3);
        (await last.GetArrayAsync("/api/findings?status=open")).Count.ShouldBeGreaterThan(0);
        (await last.StopAsync()).ShouldBe(0, last.Stderr);
    }
}
